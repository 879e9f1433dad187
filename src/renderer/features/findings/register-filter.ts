import type { FindingKind } from '../../../shared/domain/extraction';
import type { FindingStatus, Rag } from '../../../shared/domain/finding';
import { canonicalLine } from '../../../shared/domain/question-key';
import type { RegisterFilter, RegisterRow } from '../../../shared/domain/views';

/** What the filter bar holds: one choice per list, '' for any. */
export type FilterChoices = {
  reportId: string;
  pillar: string;
  question: string;
  kind: FindingKind | '';
  status: FindingStatus | '';
  /** '' anyone, '(none)' nobody yet, else a name. */
  owner: string;
  /** '' any, '(none)' not yet rated. */
  rag: Rag | '(none)' | '';
  overdue: boolean;
  text: string;
};

export const NO_FILTER: FilterChoices = { reportId: '', pillar: '', question: '', kind: '', status: '', owner: '', rag: '', overdue: false, text: '' };

export const NONE = '(none)';

/** The same filter main and the spreadsheet export understand. */
export function toRegisterFilter(c: FilterChoices): RegisterFilter {
  const filter: RegisterFilter = {};
  if (c.reportId) filter.reportId = c.reportId;
  if (c.pillar) filter.pillar = c.pillar;
  if (c.question) filter.question = c.question;
  if (c.kind) filter.kind = [c.kind];
  if (c.status) filter.status = [c.status];
  if (c.owner) filter.owner = c.owner === NONE ? null : c.owner;
  if (c.rag) filter.rag = c.rag === NONE ? null : [c.rag];
  if (c.overdue) filter.overdue = true;
  if (c.text.trim()) filter.text = c.text;
  return filter;
}

export type Option = { value: string; label: string };

const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label, 'en-GB');

/** The choices each list offers, from the findings there are. */
export function filterOptions(rows: readonly RegisterRow[], labels?: ReadonlyMap<string, string>) {
  const reports = new Map<string, { label: string; rank: number }>();
  const pillars = new Map<string, string>();
  const questions = new Map<string, string>();
  const owners = new Map<string, string>();
  for (const r of rows) {
    const f = r.finding;
    if (!reports.has(f.reportId)) {
      reports.set(f.reportId, { label: `${r.reportPeriod ?? 'Undated'} · ${labels?.get(f.reportId) ?? r.reportTitle}`, rank: r.reportRank });
    }
    if (f.pillar) pillars.set(f.pillar.toLowerCase(), f.pillar);
    if (f.question && r.questionKey && !questions.has(r.questionKey)) {
      questions.set(r.questionKey, canonicalLine(r.questionKey)?.label ?? f.question);
    }
    const owner = f.tracking.owner;
    if (owner) owners.set(owner.toLowerCase(), owner);
  }
  return {
    reports: [...reports.entries()].sort((a, b) => a[1].rank - b[1].rank).map(([value, { label }]) => ({ value, label })),
    pillars: [...pillars.values()].map((p) => ({ value: p, label: p })).sort(byLabel),
    // The value is a wording whose key is the line's, so any year's wording of the question matches.
    questions: [...questions.values()].map((q) => ({ value: q, label: q })).sort(byLabel),
    owners: [...owners.values()].map((o) => ({ value: o, label: o })).sort(byLabel),
  };
}
