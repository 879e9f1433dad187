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

type SortValue = string | number | null;

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

/**
 * Filters and sorts the register, in main (CLI, exports) and in the window as the officer types.
 * Overdue is worked out against `today`, so a register built yesterday is still right; rows whose overdue
 * flag changed come back as fresh objects. Empty values sort last in either direction; ties keep the
 * report's order (report, then the finding's place in it).
 */
export function filterRegister(
  rows: readonly RegisterRow[],
  filter: RegisterFilter,
  sort: RegisterSort,
  today: string,
): RegisterRow[] {
  const kinds = filter.kind !== undefined ? asSet(filter.kind) : null;
  const statuses = filter.status !== undefined ? asSet(filter.status) : null;
  const rags = filter.rag !== undefined && filter.rag !== null ? asSet(filter.rag) : null;
  const owner = typeof filter.owner === 'string' ? filter.owner.trim().toLowerCase() : filter.owner;
  const pillar = filter.pillar?.toLowerCase();
  const qKey = filter.question ? questionKey(filter.question) : null;
  const terms = filter.text ? plainText(filter.text).toLowerCase().split(/\s+/).filter(Boolean) : [];

  const kept: Array<{ row: RegisterRow; key: SortValue }> = [];
  for (const row of rows) {
    const f = row.finding;
    const t = f.tracking;
    if (filter.reportId !== undefined && f.reportId !== filter.reportId) continue;
    if (pillar !== undefined && f.pillar?.toLowerCase() !== pillar) continue;
    if (qKey !== null && row.questionKey !== qKey) continue;
    if (kinds && !kinds.has(f.kind)) continue;
    if (statuses && !statuses.has(t.status)) continue;
    if (filter.rag === null && t.rag !== null) continue;
    if (rags && (t.rag === null || !rags.has(t.rag))) continue;
    if (owner === null && t.owner !== null) continue;
    if (typeof owner === 'string' && t.owner?.toLowerCase() !== owner) continue;
    const overdue = isOverdue(t, today);
    if (filter.overdue !== undefined && overdue !== filter.overdue) continue;
    if (terms.length > 0 && !terms.every((w) => row.haystack.includes(w))) continue;
    const current = overdue === row.overdue ? row : { ...row, overdue };
    kept.push({ row: current, key: sortValue(current, sort.by, overdue) });
  }

  const sign = sort.dir === 'asc' ? 1 : -1;
  kept.sort((a, b) => {
    if (a.key !== b.key) {
      if (a.key === null) return 1;
      if (b.key === null) return -1;
      return (a.key < b.key ? -1 : 1) * sign;
    }
    return a.row.reportRank - b.row.reportRank || a.row.finding.order - b.row.finding.order;
  });
  return kept.map((k) => k.row);
}
