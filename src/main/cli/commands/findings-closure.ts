import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { AppError } from '../../../shared/api/result';
import { IsoDate } from '../../../shared/domain/ids';
import { dateInWords } from '../../paper/dates';
import { todayIso } from '../../tracking/periods';
import { attachEvidence } from '../../services/evidence';
import { stepFinding } from '../../services/lifecycle';
import { applyReturns, createUpdateRequest, previewReturns } from '../../services/update-requests';
import type { CliIo } from '../command';
import { writeOutput } from '../write-output';

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

const text = (values: Values, name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);

function need(value: string | undefined, message: string): string {
  if (!value || !value.trim()) throw new AppError('invalid-input', message);
  return value;
}

async function readInput(file: string): Promise<Uint8Array> {
  return readFile(resolve(file)).catch((error: NodeJS.ErrnoException) => {
    throw new AppError('not-found', error.code === 'ENOENT' ? `There is no file ${file}.` : `Cannot read ${file}: ${error.message}`);
  });
}

/** findings propose ID --statement "…" [--by OWNER] */
export async function propose(id: string | undefined, values: Values, io: CliIo): Promise<void> {
  const findingId = need(id, 'Give the finding id: findings propose ID --statement "…"');
  const statement = need(text(values, 'statement'), 'Say what was done: --statement "…" (evidence must be attached or named first).');
  const { store } = await io.open();
  const f = await stepFinding(store, findingId, { step: 'propose', statement, proposedBy: text(values, 'by') }, new Date().toISOString());
  io.out(`${f.id}  proposed for closure by ${f.tracking.proposal?.by ?? ''}; awaiting sign-off\n`);
}

/** findings close ID --approver "…" --reason "…" [--date YYYY-MM-DD] */
export async function close(id: string | undefined, values: Values, io: CliIo): Promise<void> {
  const findingId = need(id, 'Give the finding id: findings close ID --approver "…" --reason "…"');
  const approver = need(text(values, 'approver'), 'Name who signed the closure off: --approver "…"');
  const reason = need(text(values, 'reason'), 'Give the approver’s reason: --reason "…"');
  const date = text(values, 'date') ?? todayIso();
  if (!IsoDate.safeParse(date).success) throw new AppError('invalid-input', `The date “${date}” is not valid (YYYY-MM-DD).`);
  const { store } = await io.open();
  const f = await stepFinding(store, findingId, { step: 'approve', approver, reason, date }, new Date().toISOString());
  io.out(`${f.id}  closed on ${dateInWords(date)}, approved by ${approver}\n`);
}

/** findings attach ID FILE [--progress PROGRESS-ID]: prints where the file is kept. */
export async function attach(id: string | undefined, file: string | undefined, values: Values, io: CliIo): Promise<void> {
  const findingId = need(id, 'Give the finding id and the file: findings attach ID FILE');
  const path = need(file, 'Give the file to attach: findings attach ID FILE');
  const bytes = await readInput(path);
  const { store } = await io.open();
  const f = await attachEvidence(store, findingId, { fileName: basename(path), bytes }, text(values, 'progress') ?? null, new Date().toISOString());
  const added = f.tracking.attachments.at(-1);
  io.out(`${added ? store.layout.evidenceFile(added.sha256) : ''}\n`);
}

/** findings request [--owner O] --out F.xlsx|F.docx: prints the path written. */
export async function request(values: Values, io: CliIo): Promise<void> {
  const out = text(values, 'out');
  const format = out?.toLowerCase().endsWith('.docx') ? 'docx' : 'xlsx';
  const { store } = await io.open();
  const made = await createUpdateRequest(store, { owner: text(values, 'owner'), format }, new Date(), todayIso());
  io.out(`${await writeOutput(out, `.${format}`, made.bytes)}\n`);
}

/**
 * findings apply F.xlsx … [--accept-all]: without --accept-all, prints what each row would change and changes
 * nothing; with it, applies every row with neither conflicts nor problems (conflicts are never applied here:
 * review those in the app).
 */
export async function apply(files: string[], values: Values, io: CliIo): Promise<void> {
  if (files.length === 0) throw new AppError('invalid-input', 'Give the returned workbook(s): findings apply F.xlsx [F2.xlsx …] [--accept-all]');
  const read = await Promise.all(files.map(async (file) => ({ fileName: basename(file), bytes: await readInput(file) })));
  const { store } = await io.open({ readOnly: !values['accept-all'] });
  const today = todayIso();
  const { workbooks } = await previewReturns(store, read, today);
  if (workbooks.every((wb) => wb.refused)) throw new AppError('invalid-input', workbooks.map((wb) => wb.refused).join(' '));
  if (!values['accept-all']) {
    for (const wb of workbooks) {
      if (wb.refused) {
        io.out(`${wb.refused}\n`);
        continue;
      }
      for (const row of wb.rows) {
        const changes = [
          row.progress ? `update of ${dateInWords(row.progress.on)}` : '',
          row.status ? `status → ${row.status.to}` : '',
          row.due ? `target date → ${dateInWords(row.due.to)}` : '',
          row.evidence.length ? `evidence: ${row.evidence.join('; ')}` : '',
        ].filter(Boolean);
        const flag = row.appliedAt ? 'already applied' : row.problems.length ? `cannot apply: ${row.problems.join(' ')}` : row.conflicts.length ? `CONFLICT: ${row.conflicts.join(' ')}` : 'ready';
        io.out(`${row.reference}  ${wb.owner ?? row.owner ?? ''}  ${changes.join(', ') || 'no change'}  [${flag}]\n`);
      }
    }
    io.out('Nothing applied: add --accept-all to apply the rows marked ready.\n');
    return;
  }
  const accept = workbooks.flatMap((wb) => wb.rows.map((r) => ({ requestId: r.requestId, reference: r.reference, overrideConflict: false })));
  const summary = await applyReturns(store, read, accept, new Date(), today);
  for (const r of summary.refused) io.out(`${r.reason}\n`);
  for (const a of summary.applied) io.out(`${a.reference}  applied\n`);
  for (const s of summary.skipped) io.out(`${s.reference}  not applied: ${s.reason}\n`);
}
