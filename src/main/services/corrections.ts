import { randomUUID } from 'node:crypto';
import type { FindingChanges, ItemRef, JudgmentFields, MetaChanges, NewFinding, TextSelection } from '../../shared/api/review';
import { AppError } from '../../shared/api/result';
import type { SourceAnchor } from '../../shared/domain/anchor';
import { newTracking, type Finding } from '../../shared/domain/finding';
import type { Judgment, ReportText } from '../../shared/domain/report';
import type { ReportDoc } from '../store/schema';

/**
 * The officer's corrections to what was extracted. Each changes a draft of the report's document and
 * appends to report.corrections what it changed, so re-extraction knows what to keep (see reextract.ts).
 * Targets are `report`, `judgment:<id>` and `finding:<id>`; adding and removing are recorded as the
 * fields `added` and `removed`.
 */

export const reportTarget = 'report';
export const judgmentTarget = (id: string) => `judgment:${id}`;
export const findingTarget = (id: string) => `finding:${id}`;

function record(draft: ReportDoc, target: string, field: string, from: unknown, to: unknown, at: string): void {
  draft.report.corrections.push({ at, target, field, from: from ?? null, to: to ?? null });
}

/** Sets each field that differs and records it. */
function applyFields<T extends object>(item: T, changes: Partial<T>, log: (field: string, from: unknown, to: unknown) => void): void {
  const target = item as Record<string, unknown>;
  for (const [field, to] of Object.entries(changes)) {
    if (to === undefined) continue;
    const from = target[field];
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    target[field] = to;
    log(field, from, to);
  }
}

export function correctMeta(draft: ReportDoc, changes: MetaChanges, at: string): void {
  if (changes.aboutReportId === draft.report.id) throw new AppError('invalid-input', 'A document cannot be about itself.');
  applyFields(draft.report, changes, (field, from, to) => record(draft, reportTarget, field, from, to, at));
}

function requireJudgment(draft: ReportDoc, judgmentId: string): Judgment {
  const judgment = draft.report.judgments.find((j) => j.id === judgmentId);
  if (!judgment) throw new AppError('not-found', 'That judgment is no longer in this report; it may have been removed.');
  return judgment;
}

export function correctJudgment(draft: ReportDoc, judgmentId: string, changes: Partial<JudgmentFields>, at: string): void {
  const judgment = requireJudgment(draft, judgmentId);
  applyFields(judgment, changes, (field, from, to) => record(draft, judgmentTarget(judgmentId), field, from, to, at));
}

export function addJudgment(draft: ReportDoc, fields: JudgmentFields, at: string): Judgment {
  const judgment: Judgment = { ...fields, id: randomUUID(), anchor: null };
  draft.report.judgments.push(judgment);
  record(draft, judgmentTarget(judgment.id), 'added', null, fields, at);
  return judgment;
}

export function removeJudgment(draft: ReportDoc, judgmentId: string, at: string): void {
  const judgment = requireJudgment(draft, judgmentId);
  draft.report.judgments = draft.report.judgments.filter((j) => j !== judgment);
  record(draft, judgmentTarget(judgmentId), 'removed', originalJudgment(draft, judgment), null, at);
}

/**
 * The officer has checked an extracted item and found it right: its confidence becomes 1, recorded as a
 * correction (from the extractor's figure), so it leaves the review's "To check" list and re-extraction
 * keeps it as the officer's.
 */
export function markChecked(draft: ReportDoc, item: ItemRef, at: string): Judgment | Finding {
  const found = item.type === 'judgment' ? requireJudgment(draft, item.id) : requireFinding(draft, item.id);
  const target = item.type === 'judgment' ? judgmentTarget(item.id) : findingTarget(item.id);
  if (found.confidence !== 1) record(draft, target, 'confidence', found.confidence ?? null, 1, at);
  found.confidence = 1;
  return found;
}

function requireFinding(draft: ReportDoc, findingId: string): Finding {
  const finding = draft.findings.find((f) => f.id === findingId);
  if (!finding) throw new AppError('not-found', 'That finding is no longer in this report; it may have been removed or merged.');
  return finding;
}

export function correctFinding(draft: ReportDoc, findingId: string, changes: FindingChanges, at: string): Finding {
  const finding = requireFinding(draft, findingId);
  applyFields(finding, changes, (field, from, to) => record(draft, findingTarget(findingId), field, from, to, at));
  return finding;
}

/** The anchor for a passage the officer selected in the source text. */
export function anchorFor(text: ReportText, selection: TextSelection): SourceAnchor {
  if (selection.end > text.text.length) {
    throw new AppError('invalid-input', 'The selected passage is outside the document; reload the report and select it again.');
  }
  const page = text.pages.find((p) => selection.start >= p.start && selection.start <= p.end)?.page ?? null;
  return { start: selection.start, end: selection.end, page, quote: text.text.slice(selection.start, selection.end) };
}

export function addFinding(draft: ReportDoc, input: NewFinding, anchor: SourceAnchor | null, at: string): Finding {
  const finding: Finding = {
    kind: input.kind,
    text: input.text.trim(),
    leadIn: input.leadIn ?? null,
    pillar: input.pillar ?? null,
    question: input.question ?? null,
    carriedOver: input.carriedOver ?? false,
    anchor,
    id: randomUUID(),
    reportId: draft.report.id,
    order: nextOrderAfter(draft, anchor),
    manual: true,
    tracking: newTracking(),
  };
  insertInOrder(draft, finding);
  record(draft, findingTarget(finding.id), 'added', null, finding.text, at);
  return finding;
}

/** A finding added from a selection goes where its passage is in the document; otherwise at the end. */
function nextOrderAfter(draft: ReportDoc, anchor: SourceAnchor | null): number {
  const sorted = [...draft.findings].sort((a, b) => a.order - b.order);
  if (!anchor) return sorted.length;
  const index = sorted.findIndex((f) => f.anchor !== null && f.anchor.start > anchor.start);
  return index === -1 ? sorted.length : index;
}

function insertInOrder(draft: ReportDoc, finding: Finding): void {
  const sorted = [...draft.findings].sort((a, b) => a.order - b.order);
  sorted.splice(finding.order, 0, finding);
  sorted.forEach((f, order) => (f.order = order));
  draft.findings = sorted;
}

/**
 * Splits a finding's text at a character offset. The first part keeps the finding (id, tracking);
 * the second becomes a new finding marked manual, because it exists only by the officer's hand.
 */
export function splitFinding(draft: ReportDoc, findingId: string, offset: number, at: string): [Finding, Finding] {
  const finding = requireFinding(draft, findingId);
  const head = finding.text.slice(0, offset).trim();
  const tail = finding.text.slice(offset).trim();
  if (!head || !tail) {
    throw new AppError('invalid-input', 'A finding can only be split between two parts that both have text.');
  }
  const [headAnchor, tailAnchor] = splitAnchor(finding.anchor, finding.text, offset);
  const second: Finding = {
    ...structuredClone(finding),
    text: tail,
    anchor: tailAnchor,
    id: randomUUID(),
    order: finding.order + 1,
    manual: true,
    tracking: newTracking(),
  };
  record(draft, findingTarget(finding.id), 'text', finding.text, head, at);
  finding.text = head;
  finding.anchor = headAnchor;
  insertInOrder(draft, second);
  record(draft, findingTarget(second.id), 'added', null, tail, at);
  return [finding, second];
}

/** Where a finding's text is its passage verbatim, each part gets its own stretch of the passage. */
function splitAnchor(anchor: SourceAnchor | null, text: string, offset: number): [SourceAnchor | null, SourceAnchor | null] {
  if (!anchor) return [null, null];
  const within = anchor.quote.indexOf(text);
  if (within === -1) return [anchor, anchor];
  const cut = anchor.start + within + offset;
  const head = { ...anchor, end: cut, quote: anchor.quote.slice(0, cut - anchor.start) };
  const tail = { ...anchor, start: cut, quote: anchor.quote.slice(cut - anchor.start) };
  return [head, tail];
}

/** Joins findings in report order into the first; the others are removed (their tracking must be empty or is lost, so it is refused). */
export function mergeFindings(draft: ReportDoc, findingIds: string[], at: string): Finding {
  const chosen = [...new Set(findingIds)].map((id) => requireFinding(draft, id)).sort((a, b) => a.order - b.order);
  const [first, ...rest] = chosen;
  if (!first || rest.length === 0) throw new AppError('invalid-input', 'Choose at least two findings of this report to merge.');
  const tracked = rest.find((f) => hasTracking(f));
  if (tracked) {
    throw new AppError(
      'invalid-input',
      `“${shorten(tracked.text)}” already has an owner, progress or evidence; merge it as the first finding or clear its tracking first.`,
    );
  }
  const text = chosen.map((f) => f.text.trim()).join('\n');
  record(draft, findingTarget(first.id), 'text', first.text, text, at);
  first.text = text;
  first.anchor = joinAnchors(chosen.map((f) => f.anchor));
  for (const other of rest) removeFinding(draft, other.id, at);
  return first;
}

function joinAnchors(anchors: (SourceAnchor | null)[]): SourceAnchor | null {
  const present = anchors.filter((a): a is SourceAnchor => a !== null);
  const [head] = present;
  if (!head) return null;
  const start = Math.min(...present.map((a) => a.start));
  const end = Math.max(...present.map((a) => a.end));
  return { start, end, page: present.find((a) => a.start === start)?.page ?? head.page, quote: present.map((a) => a.quote).join('\n') };
}

export function removeFinding(draft: ReportDoc, findingId: string, at: string): void {
  const finding = requireFinding(draft, findingId);
  draft.findings = draft.findings.filter((f) => f !== finding).sort((a, b) => a.order - b.order);
  draft.findings.forEach((f, order) => (f.order = order));
  record(draft, findingTarget(findingId), 'removed', originalText(draft, finding), null, at);
}

export function hasTracking(finding: Finding): boolean {
  const t = finding.tracking;
  return t.owner !== null || t.rag !== null || t.due !== null || t.status !== 'Not started' || t.progress.length > 0 || t.evidence.length > 0;
}

/** The value a field had when it was extracted: the `from` of its first correction, or its value now. */
export function originalValue(draft: ReportDoc, target: string, field: string, current: unknown): unknown {
  const first = draft.report.corrections.find((c) => c.target === target && c.field === field);
  return first ? first.from : current;
}

/** True for findings the officer made (added, or split off); their removal says nothing about the source. */
export function wasAdded(draft: ReportDoc, findingId: string): boolean {
  return draft.report.corrections.some((c) => c.target === findingTarget(findingId) && c.field === 'added');
}

export function originalText(draft: ReportDoc, finding: Finding): string {
  return String(originalValue(draft, findingTarget(finding.id), 'text', finding.text));
}

function originalJudgment(draft: ReportDoc, judgment: Judgment): { pillar: unknown; question: unknown } {
  const target = judgmentTarget(judgment.id);
  return {
    pillar: originalValue(draft, target, 'pillar', judgment.pillar),
    question: originalValue(draft, target, 'question', judgment.question),
  };
}

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
