import type { FindingKind } from '../../../shared/domain/extraction';
import type { FindingStatus, Rag } from '../../../shared/domain/finding';
import type { RegisterChoices, RegisterFilter, RegisterReports } from '../../../shared/domain/views';

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

export type FilterOptions = { reports: Option[]; pillars: Option[]; questions: Option[]; owners: Option[] };

const same = (value: string): Option => ({ value, label: value });

/**
 * What each list offers, from what main says the findings have (reports in time order, the rest
 * alphabetical). `labels`: each report's label where titles clash (useReportLabels).
 */
export function filterOptions(reports: RegisterReports | undefined, choices: RegisterChoices | undefined, labels?: ReadonlyMap<string, string>): FilterOptions {
  return {
    reports: (reports ?? []).map((r) => ({ value: r.id, label: `${r.period ?? 'Undated'} · ${labels?.get(r.id) ?? r.title}` })),
    pillars: (choices?.pillars ?? []).map(same),
    // The value is a wording whose key is the line's, so any year's wording of the question matches.
    questions: (choices?.questions ?? []).map(same),
    owners: (choices?.owners ?? []).map(same),
  };
}

/** How many of the lists (not the words) narrow the register, for the collapsed bar's button. */
export function listFiltersInUse(c: FilterChoices): number {
  return [c.reportId, c.pillar, c.question, c.kind, c.status, c.owner, c.rag].filter(Boolean).length + (c.overdue ? 1 : 0);
}
