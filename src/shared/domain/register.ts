import { FINDING_STATUSES, RAGS, type FindingStatus, type Tracking } from './finding';
import { questionKey } from './question-key';
import { plainText } from './text-terms';
import type { RegisterFilter, RegisterRow, RegisterSort, RegisterSortKey } from './views';

/** Statuses under which a finding is discharged and no longer tracked against its date. */
export const CLOSED_STATUSES: ReadonlySet<FindingStatus> = new Set<FindingStatus>(['Closed', 'Superseded', 'No further action']);

export function isOpen(tracking: Pick<Tracking, 'status'>): boolean {
  return !CLOSED_STATUSES.has(tracking.status);
}

/** Open and past its target date. `today` is an ISO date (2018-01-16). */
export function isOverdue(tracking: Pick<Tracking, 'status' | 'due'>, today: string): boolean {
  return tracking.due !== null && tracking.due < today && isOpen(tracking);
}

const STATUS_RANK = new Map(FINDING_STATUSES.map((s, i) => [s, i]));
const RAG_RANK = new Map(RAGS.map((r, i) => [r, i]));

type OneOrMany<T> = T | readonly T[];
const asSet = <T>(v: OneOrMany<T>): ReadonlySet<T> => new Set(Array.isArray(v) ? (v as readonly T[]) : [v as T]);

export type SortValue = string | number | null;

/** A register row with the lower-case text the free-text filter looks in (finding, lead-in, question, owner, progress, evidence); main keeps it, the window never needs it. */
export type RegisterEntry = RegisterRow & { haystack: string };

function sortValue(row: RegisterRow, by: RegisterSortKey, overdue: boolean): SortValue {
  const f = row.finding;
  switch (by) {
    case 'report':
      return row.reportRank;
    case 'order':
      return f.order;
    case 'pillar':
      return f.pillar?.toLowerCase() ?? null;
    case 'question':
      return f.question?.toLowerCase() ?? null;
    case 'kind':
      return f.kind;
    case 'text':
      return f.text.toLowerCase();
    case 'owner':
      return f.tracking.owner?.toLowerCase() ?? null;
    case 'status':
      return STATUS_RANK.get(f.tracking.status) ?? null;
    case 'rag':
      return f.tracking.rag ? (RAG_RANK.get(f.tracking.rag) ?? null) : null;
    case 'due':
      return f.tracking.due;
    case 'overdue':
      return overdue ? 0 : 1;
    case 'updated':
      return row.latestProgress?.at ?? null;
  }
}

/** Whether a filter keeps a row; overdue is worked out against `today`. */
export function registerMatcher(filter: RegisterFilter, today: string): (row: RegisterEntry) => boolean {
  const kinds = filter.kind !== undefined ? asSet(filter.kind) : null;
  const statuses = filter.status !== undefined ? asSet(filter.status) : null;
  const rags = filter.rag !== undefined && filter.rag !== null ? asSet(filter.rag) : null;
  const owner = typeof filter.owner === 'string' ? filter.owner.trim().toLowerCase() : filter.owner;
  const pillar = filter.pillar?.toLowerCase();
  const qKey = filter.question ? questionKey(filter.question) : null;
  const terms = filter.text ? plainText(filter.text).toLowerCase().split(/\s+/).filter(Boolean) : [];
  return (row) => {
    const f = row.finding;
    const t = f.tracking;
    if (filter.reportId !== undefined && f.reportId !== filter.reportId) return false;
    if (pillar !== undefined && f.pillar?.toLowerCase() !== pillar) return false;
    if (qKey !== null && row.questionKey !== qKey) return false;
    if (kinds && !kinds.has(f.kind)) return false;
    if (statuses && !statuses.has(t.status)) return false;
    if (filter.rag === null && t.rag !== null) return false;
    if (rags && (t.rag === null || !rags.has(t.rag))) return false;
    if (owner === null && t.owner !== null) return false;
    if (typeof owner === 'string' && t.owner?.toLowerCase() !== owner) return false;
    if (filter.overdue !== undefined && isOverdue(t, today) !== filter.overdue) return false;
    return terms.every((w) => row.haystack.includes(w));
  };
}

/** True when the filter keeps every row. */
export const isEmptyFilter = (filter: RegisterFilter): boolean =>
  Object.entries(filter).every(([key, value]) => value === undefined || (key === 'text' && !plainText(String(value)).trim()));

/** The value a row sorts by: worked out once per row when a whole order is built. */
export function registerSortKey(sort: RegisterSort, today: string): (row: RegisterRow) => SortValue {
  return (row) => sortValue(row, sort.by, sort.by === 'overdue' && isOverdue(row.finding.tracking, today));
}

/**
 * Compares two rows by their sort values, empty values last in either direction, ties in the report's
 * order (report, then the finding's place in it, then id, so the order is total and a row can be
 * placed by binary search).
 */
export function compareByKey(sort: RegisterSort): (ka: SortValue, a: RegisterRow, kb: SortValue, b: RegisterRow) => number {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return (ka, a, kb, b) => {
    if (ka !== kb) {
      if (ka === null) return 1;
      if (kb === null) return -1;
      return (ka < kb ? -1 : 1) * sign;
    }
    return (
      a.reportRank - b.reportRank ||
      a.finding.order - b.finding.order ||
      (a.finding.id < b.finding.id ? -1 : a.finding.id > b.finding.id ? 1 : 0)
    );
  };
}

/** The register's order as one comparator (see compareByKey). */
export function registerComparator(sort: RegisterSort, today: string): (a: RegisterRow, b: RegisterRow) => number {
  const key = registerSortKey(sort, today);
  const compare = compareByKey(sort);
  return (a, b) => compare(key(a), a, key(b), b);
}

/** The row with its overdue flag as of `today` (a fresh object only when the flag changed). */
export function asOf<R extends RegisterRow>(row: R, today: string): R {
  const overdue = isOverdue(row.finding.tracking, today);
  return overdue === row.overdue ? row : { ...row, overdue };
}

/**
 * Filters and sorts the register in one go (tests, small lists); main's register index does the same
 * with the same matcher and comparator, kept up to date row by row.
 */
export function filterRegister<R extends RegisterEntry>(rows: readonly R[], filter: RegisterFilter, sort: RegisterSort, today: string): R[] {
  const keep = registerMatcher(filter, today);
  return rows
    .filter(keep)
    .map((row) => asOf(row, today))
    .sort(registerComparator(sort, today));
}
