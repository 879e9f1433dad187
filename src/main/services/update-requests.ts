import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/api/result';
import { progressDate, compareProgress, type Finding } from '../../shared/domain/finding';
import { isOpen } from '../../shared/domain/register';
import type { AcceptedRow, ApplySummary, ReturnedWorkbook, ReturnRow, ReturnsPreview, UpdateRequest } from '../../shared/domain/update-request';
import { dateInWords } from '../paper/dates';
import { shortReportName } from '../register/register-row';
import type { ReturnedRow } from '../requests/read-return';
import type { RequestWorkbookInput } from '../requests/request-workbook';
import type { Store } from '../store/repository';
import { applyLifecycleStep } from '../tracking/lifecycle';
import { compareReportsByTime } from '../tracking/periods';
import { addProgress, applyTrackingPatch } from '../tracking/tracking-update';
import { DOCX_MIME, safeFileName, XLSX_MIME } from './board-papers';
import { addDays } from './due-soon';
import { referencesOf } from './findings';

const sameOwner = (a: string | null, b: string) => (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();

export interface RequestFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  request: UpdateRequest;
}

/**
 * Makes an update request for one owner's open findings (or every open finding), records it so the returned
 * workbook is recognised, and renders it as a workbook to fill in or a short Word document.
 */
export async function createUpdateRequest(
  store: Store,
  options: { owner?: string; format: 'xlsx' | 'docx'; returnBy?: string },
  now: Date,
  today: string,
): Promise<RequestFile> {
  const refs = referencesOf(store);
  const docs = [...store.allReportDocs()].sort((a, b) => compareReportsByTime(a.report, b.report));
  const picked = docs.flatMap((doc) =>
    [...doc.findings]
      .sort((a, b) => a.order - b.order)
      .filter((f) => isOpen(f.tracking) && (options.owner === undefined || sameOwner(f.tracking.owner, options.owner)))
      .map((f) => ({ f, report: doc.report })),
  );
  if (picked.length === 0) {
    throw new AppError('not-found', options.owner ? `${options.owner} owns no open findings.` : 'There are no open findings to ask about.');
  }
  const { settings } = store.index;
  const request: UpdateRequest = {
    id: randomUUID(),
    date: today,
    createdAt: now.toISOString(),
    owner: options.owner?.trim() ?? null,
    by: settings.userName,
    findings: picked.map(({ f }) => ({
      findingId: f.id,
      reference: refs.get(f.id) ?? f.id,
      status: f.tracking.status,
      due: f.tracking.due,
      owner: f.tracking.owner,
      historyLength: f.tracking.history.length,
    })),
    applied: [],
  };
  const input: RequestWorkbookInput = {
    requestId: request.id,
    date: today,
    returnBy: options.returnBy ?? addDays(today, 14),
    owner: request.owner,
    from: settings.userName,
    force: settings.forceName,
    rows: picked.map(({ f, report }) => {
      const latest = [...f.tracking.progress].sort(compareProgress).at(-1);
      return {
        reference: refs.get(f.id) ?? f.id,
        findingId: f.id,
        report: shortReportName(report),
        text: f.leadIn ? `${f.leadIn} ${f.text}` : f.text,
        owner: f.tracking.owner,
        status: f.tracking.status,
        due: f.tracking.due,
        latestUpdate: latest ? `${dateInWords(progressDate(latest))}: ${latest.text}` : '',
      };
    }),
  };
  // ExcelJS and docx take seconds to load: they are loaded when a request is first written, not with the app.
  const bytes =
    options.format === 'xlsx'
      ? await (await import('../requests/request-workbook')).renderRequestWorkbook(input)
      : await (await import('../requests/request-docx')).renderRequestDocx(input);
  // Only a workbook comes back to be applied, but a Word request is recorded too, so the register of requests is whole.
  await store.updateIndex((index) => {
    index.updateRequests.push(request);
  });
  const who = request.owner ? ` - ${request.owner}` : '';
  return {
    fileName: safeFileName(`Update request ${today}${who}`, options.format),
    mimeType: options.format === 'xlsx' ? XLSX_MIME : DOCX_MIME,
    bytes,
    request,
  };
}

function findFinding(store: Store, id: string): Finding | null {
  for (const doc of store.allReportDocs()) {
    const f = doc.findings.find((x) => x.id === id);
    if (f) return f;
  }
  return null;
}

/** What in the finding changed since the request was sent that this row would overwrite. */
function conflictsOf(row: ReturnedRow, request: UpdateRequest, finding: Finding): string[] {
  const sent = request.findings.find((s) => s.findingId === row.findingId);
  if (!sent) return [];
  const since = finding.tracking.history.slice(sent.historyLength);
  const describe = (field: string, words: (v: unknown) => string) => {
    const change = [...since].reverse().find((h) => h.field === field);
    return change ? ` (${words(change.from)} → ${words(change.to)} on ${dateInWords(change.at.slice(0, 10))} by ${change.by})` : '';
  };
  const out: string[] = [];
  if (row.newStatus && finding.tracking.status !== sent.status) {
    out.push(`The status was changed since the request was sent${describe('status', String)}; it is now ${finding.tracking.status}.`);
  }
  if (row.newDue && finding.tracking.due !== sent.due) {
    out.push(`The target date was changed since the request was sent${describe('due', (v) => (v ? dateInWords(String(v)) : 'none'))}.`);
  }
  return out;
}

function reviewRow(store: Store, request: UpdateRequest, row: ReturnedRow, today: string): ReturnRow {
  const finding = findFinding(store, row.findingId);
  const sent = request.findings.find((s) => s.findingId === row.findingId);
  const applied = request.applied.find((a) => a.reference === row.reference);
  const problems = [...row.problems];
  if (!finding) problems.push('This finding is no longer in the store.');
  const statusNow = finding?.tracking.status ?? sent?.status ?? 'Not started';
  if (row.newStatus === 'Proposed for closure') {
    const hasEvidence = row.evidence.length > 0 || (finding ? finding.tracking.evidence.length + finding.tracking.attachments.length > 0 : false);
    if (!hasEvidence) problems.push('Proposing closure needs evidence: the Evidence column is empty and the finding has none.');
    if (!row.progress) problems.push('Proposing closure needs a statement: the Progress update column is empty.');
  }
  if (row.updateDate && row.updateDate > today) problems.push(`The update date ${dateInWords(row.updateDate)} is in the future.`);
  return {
    requestId: request.id,
    reference: row.reference,
    findingId: row.findingId,
    findingText: finding?.text ?? '',
    owner: sent?.owner ?? null,
    progress: row.progress ? { text: row.progress, on: row.updateDate ?? today } : null,
    status: row.newStatus && row.newStatus !== statusNow ? { from: statusNow, to: row.newStatus } : null,
    due: row.newDue && row.newDue !== (finding?.tracking.due ?? null) ? { from: finding?.tracking.due ?? null, to: row.newDue } : null,
    evidence: row.evidence,
    conflicts: finding ? conflictsOf(row, request, finding) : [],
    problems,
    appliedAt: applied?.at ?? null,
  };
}

async function readOne(store: Store, file: { fileName: string; bytes: Uint8Array }, today: string): Promise<ReturnedWorkbook> {
  const requests = store.index.updateRequests;
  const { readReturnedWorkbook, RefusedWorkbook } = await import('../requests/read-return');
  try {
    const read = await readReturnedWorkbook(file.bytes, file.fileName, (id) => {
      const request = requests.find((r) => r.id === id);
      return request ? { date: request.date, references: new Map(request.findings.map((f) => [f.reference, f.findingId])) } : null;
    });
    const request = requests.find((r) => r.id === read.requestId) as UpdateRequest;
    return {
      fileName: file.fileName,
      refused: null,
      requestId: request.id,
      requestDate: request.date,
      owner: request.owner,
      rows: read.rows.map((row) => reviewRow(store, request, row, today)),
      unchanged: read.unchanged,
      warnings: read.warnings,
    };
  } catch (error) {
    if (!(error instanceof RefusedWorkbook)) throw error;
    return { fileName: file.fileName, refused: `“${file.fileName}” cannot be used: ${error.message}. Nothing in it was applied.`, requestId: null, requestDate: null, owner: null, rows: [], unchanged: 0, warnings: [] };
  }
}

/** Reads returned workbooks and says, row by row, what applying them would change, with conflicts and problems. Changes nothing. */
export async function previewReturns(store: Store, files: Array<{ fileName: string; bytes: Uint8Array }>, today: string): Promise<ReturnsPreview> {
  const workbooks: ReturnedWorkbook[] = [];
  for (const file of files) workbooks.push(await readOne(store, file, today));
  const seen = new Set<string>();
  for (const wb of workbooks) {
    if (!wb.requestId) continue;
    if (seen.has(wb.requestId)) wb.warnings.push('Another workbook answers the same request; a row is applied once, from the first accepted.');
    seen.add(wb.requestId);
  }
  return { workbooks };
}

const rowKey = (requestId: string, reference: string) => `${requestId}\u0000${reference}`;

/**
 * Applies the rows the officer accepted: each becomes a dated progress update "from <owner> via update request
 * of <date>", with its status and target date changes (a proposal for closure goes through sign-off's first
 * step). A row with conflicts is applied only if the officer overrode them; one with problems, or applied before,
 * never. Refused workbooks change nothing.
 */
export async function applyReturns(
  store: Store,
  files: Array<{ fileName: string; bytes: Uint8Array }>,
  accept: AcceptedRow[],
  now: Date,
  today: string,
): Promise<ApplySummary> {
  const { workbooks } = await previewReturns(store, files, today);
  const wanted = new Map(accept.map((a) => [rowKey(a.requestId, a.reference), a]));
  const summary: ApplySummary = { applied: [], skipped: [], refused: [] };
  const done = new Set<string>();
  const officer = store.index.settings.userName;
  for (const wb of workbooks) {
    if (wb.refused) {
      summary.refused.push({ fileName: wb.fileName, reason: wb.refused });
      continue;
    }
    for (const row of wb.rows) {
      const key = rowKey(row.requestId, row.reference);
      const choice = wanted.get(key);
      if (!choice) continue;
      const skip = (reason: string) => summary.skipped.push({ requestId: row.requestId, reference: row.reference, reason });
      if (done.has(key) || row.appliedAt) skip(`Already applied${row.appliedAt ? ` on ${dateInWords(row.appliedAt.slice(0, 10))}` : ''}.`);
      else if (row.problems.length) skip(row.problems.join(' '));
      else if (row.conflicts.length && !choice.overrideConflict) skip(`Conflicts with changes made since the request: ${row.conflicts.join(' ')}`);
      else {
        try {
          await applyRow(store, wb, row, officer, now, today);
          done.add(key);
          summary.applied.push({ requestId: row.requestId, reference: row.reference, findingId: row.findingId });
        } catch (error) {
          if (!(error instanceof AppError) || error.code === 'save-failed') throw error;
          skip(error.message);
        }
      }
    }
  }
  for (const ref of accept) {
    const known = workbooks.some((wb) => wb.rows.some((r) => r.requestId === ref.requestId && r.reference === ref.reference));
    if (!known) summary.skipped.push({ requestId: ref.requestId, reference: ref.reference, reason: 'No returned workbook has this row.' });
  }
  return summary;
}

async function applyRow(store: Store, wb: ReturnedWorkbook, row: ReturnRow, officer: string, now: Date, today: string): Promise<void> {
  const at = now.toISOString();
  const via = `update request of ${dateInWords(wb.requestDate ?? today)}`;
  const owner = row.owner ?? wb.owner ?? 'the owner';
  const note = `From ${owner} via ${via}.`;
  const reportId = store.allReportDocs().find((d) => d.findings.some((f) => f.id === row.findingId))?.report.id;
  if (!reportId) throw new AppError('not-found', 'This finding is no longer in the store.');
  await store.updateReport(reportId, (draft) => {
    const finding = draft.findings.find((f) => f.id === row.findingId) as Finding;
    let t = finding.tracking;
    const before = t.history.length;
    if (row.evidence.length) t = applyTrackingPatch(t, { evidence: [...t.evidence, ...row.evidence.filter((e) => !t.evidence.includes(e))] }, officer, at);
    if (row.due) t = applyTrackingPatch(t, { due: row.due.to }, officer, at);
    if (row.progress) t = addProgress(t, row.progress.text, owner, at, randomUUID(), { on: row.progress.on, via, enteredBy: officer });
    if (row.status?.to === 'In progress') {
      t = t.status === 'Proposed for closure' ? applyLifecycleStep(t, { step: 'sendBack', reason: `${owner} reports the work continues.` }, { by: officer, at, today }) : applyTrackingPatch(t, { status: 'In progress' }, officer, at);
    } else if (row.status?.to === 'Proposed for closure') {
      t = applyLifecycleStep(t, { step: 'propose', statement: row.progress?.text ?? '', proposedBy: owner }, { by: officer, at, today });
    }
    t.history = t.history.map((h, i) => (i >= before && h.field !== 'status' ? { ...h, note: h.note ?? note } : i >= before ? { ...h, note: `${h.note ? `${h.note} ` : ''}(${note})` } : h));
    finding.tracking = t;
  });
  await store.updateIndex((index) => {
    const request = index.updateRequests.find((r) => r.id === row.requestId);
    request?.applied.push({ reference: row.reference, at });
  });
}
