import { z } from 'zod';
import type { CallInput, CallName, CallOutput } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/result';
import { FindingStatus, Rag } from '../../../shared/domain/finding';
import { IsoDate } from '../../../shared/domain/ids';
import { formatDate } from '../../../shared/domain/dates';
import type { AppCore } from '../../app';
import type { Command } from '../command';

async function ask<K extends CallName>(core: AppCore, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await core.dispatch(name, input);
  if (!result.ok) throw new AppError(result.error.code, result.error.message);
  return result.value as CallOutput<K>;
}

function option<T>(schema: z.ZodType<T>, value: unknown, what: string): T | undefined {
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('invalid-input', `${what} “${String(value)}” is not valid.`);
  return parsed.data;
}

const STATUS_HELP = `one of: ${FindingStatus.options.join(', ')}`;

const cut = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));

export const findingsCommand: Command = {
  name: 'findings',
  usage: 'findings list [--json] [--status S] | findings update ID [--owner O] [--status S] [--due YYYY-MM-DD] [--rag R]',
  summary: 'list the findings register, or change a finding’s owner, status, target date or RAG',
  options: {
    json: { type: 'boolean' },
    status: { type: 'string' },
    owner: { type: 'string' },
    due: { type: 'string' },
    rag: { type: 'string' },
  },
  async run([action, id, ...extra], values, io) {
    const status = option(FindingStatus, values.status, `The status (${STATUS_HELP})`);
    if (action === 'list') {
      const core = await io.open({ readOnly: true });
      const rows = await ask(core, 'findings.register', { filter: status ? { status } : {}, sort: { by: 'report', dir: 'asc' } });
      if (values.json) return io.out(`${JSON.stringify(rows.map((r) => ({ ...r.finding, reportTitle: r.reportTitle, overdue: r.overdue })), null, 2)}\n`);
      if (!rows.length) return io.out('No findings match.\n');
      for (const { finding: f, reportPeriod, overdue } of rows) {
        const t = f.tracking;
        io.out(
          `${f.id}  ${(reportPeriod ?? '—').padEnd(7)}  ${cut(t.status, 29)}  ${cut(t.owner ?? '(no owner)', 20)}  ${(t.due ? formatDate(t.due) : '—').padEnd(17)}${overdue ? ' overdue' : '        '}  ${cut(f.text, 70)}\n`,
        );
      }
      return;
    }
    if (action === 'update') {
      if (!id || extra.length) throw new AppError('invalid-input', 'Give one finding id: findings update ID --owner … --status … --due YYYY-MM-DD.');
      const changes = {
        owner: typeof values.owner === 'string' ? values.owner : undefined,
        status,
        due: option(IsoDate, values.due, 'The target date (YYYY-MM-DD)'),
        rag: option(Rag, values.rag, 'The RAG rating (Red, Amber or Green)'),
      };
      if (Object.values(changes).every((v) => v === undefined)) {
        throw new AppError('invalid-input', 'Nothing to change: give --owner, --status, --due or --rag.');
      }
      const core = await io.open();
      const f = await ask(core, 'findings.update', { id, ...changes });
      const t = f.tracking;
      return io.out(`${f.id}  owner: ${t.owner ?? '(none)'}  status: ${t.status}  due: ${t.due ? formatDate(t.due) : '(none)'}${t.rag ? `  RAG: ${t.rag}` : ''}\n`);
    }
    throw new AppError('invalid-input', 'Use “findings list” or “findings update ID …”.');
  },
};
