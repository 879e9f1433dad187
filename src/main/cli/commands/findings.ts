import { z } from 'zod';
import type { CallInput, CallName, CallOutput } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/result';
import { FindingStatus, Rag } from '../../../shared/domain/finding';
import { IsoDate } from '../../../shared/domain/ids';
import { REGISTER_PAGE_MAX } from '../../../shared/domain/views';
import { formatDate } from '../../../shared/domain/dates';
import type { AppCore } from '../../app';
import type { Command } from '../command';
import { apply, attach, close, propose, request } from './findings-closure';

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

const indent = (json: string) => json.replace(/^/gm, '  ');

const cut = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));

export const findingsCommand: Command = {
  name: 'findings',
  usage: [
    'findings list [--json] [--status S]',
    'findings update ID [--owner O] [--status S] [--due YYYY-MM-DD] [--rag R]',
    'findings propose ID --statement "…" [--by OWNER]',
    'findings close ID --approver "…" --reason "…" [--date YYYY-MM-DD]',
    'findings attach ID FILE [--progress PROGRESS-ID]',
    'findings request [--owner O] --out F.xlsx|F.docx',
    'findings apply F.xlsx [F2.xlsx …] [--accept-all]',
  ].join(' | '),
  summary: 'list the register; change tracking; propose for closure and sign off; attach evidence; send and apply update requests',
  options: {
    json: { type: 'boolean' },
    status: { type: 'string' },
    owner: { type: 'string' },
    due: { type: 'string' },
    rag: { type: 'string' },
    statement: { type: 'string' },
    by: { type: 'string' },
    approver: { type: 'string' },
    reason: { type: 'string' },
    date: { type: 'string' },
    progress: { type: 'string' },
    out: { type: 'string' },
    'accept-all': { type: 'boolean' },
  },
  async run([action, id, ...extra], values, io) {
    if (action === 'propose') return propose(id, values, io);
    if (action === 'close') return close(id, values, io);
    if (action === 'attach') return attach(id, extra[0], values, io);
    if (action === 'request') return request(values, io);
    if (action === 'apply') return apply([id, ...extra].filter((f): f is string => !!f), values, io);
    const status = option(FindingStatus, values.status, `The status (${STATUS_HELP})`);
    if (action === 'list') {
      const core = await io.open({ readOnly: true });
      const filter = status ? { status } : {};
      // Page by page, as the window reads it, so a register of 100,000 findings is never held twice.
      let shown = 0;
      for (let offset = 0; ; offset += REGISTER_PAGE_MAX) {
        const page = await ask(core, 'findings.register', { filter, sort: { by: 'report', dir: 'asc' }, offset, limit: REGISTER_PAGE_MAX });
        for (const { finding: f, reportTitle, reportPeriod, overdue } of page.rows) {
          if (values.json) {
            io.out(`${shown === 0 ? '[\n' : ',\n'}${indent(JSON.stringify({ ...f, reportTitle, overdue }, null, 2))}`);
          } else {
            const t = f.tracking;
            io.out(
              `${f.id}  ${(reportPeriod ?? '—').padEnd(7)}  ${cut(t.status, 29)}  ${cut(t.owner ?? '(no owner)', 20)}  ${(t.due ? formatDate(t.due) : '—').padEnd(17)}${overdue ? ' overdue' : '        '}  ${cut(f.text, 70)}\n`,
            );
          }
          shown++;
        }
        if (offset + REGISTER_PAGE_MAX >= page.total) break;
      }
      if (values.json) return io.out(shown === 0 ? '[]\n' : '\n]\n');
      if (shown === 0) io.out('No findings match.\n');
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
    throw new AppError('invalid-input', 'Use “findings list”, “update”, “propose”, “close”, “attach”, “request” or “apply” (see liaison help).');
  },
};
