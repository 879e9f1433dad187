import { FINDING_STATUSES, RAGS, type Finding, type FindingStatus, type Rag } from '../../shared/domain/finding';
import { CLOSED_STATUSES, isOpen, isOverdue } from '../../shared/domain/register';
import type { Dashboard, OpenStatus, OverdueItem } from '../../shared/domain/views';

const DAY = 86_400_000;

const monthOf = (time: number): string => new Date(time).toISOString().slice(0, 7);

function startOfNextMonth(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Date.UTC(y, m, 1);
}

function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let m = first; m <= last; m = monthOf(startOfNextMonth(m))) months.push(m);
  return months;
}

/**
 * The figures for the monthly review: open findings by status and RAG, what is overdue, what has no owner,
 * and month by month how many were open and closed. The series is replayed from each finding's recorded
 * status changes (before its first change a finding had that change's old status) and counts the progress
 * updates made in each month. `today` is an ISO date. `countsFrom` gives the date (ISO) from which a finding
 * exists, its report's publication: before it the finding is in no month's figures, and the series starts at
 * the earliest of them. Without it every finding counts from the first month.
 */
export function dashboard(findings: readonly Finding[], today: string, countsFrom?: (finding: Finding) => string | null): Dashboard {
  const openByStatus = Object.fromEntries(
    FINDING_STATUSES.filter((s) => !CLOSED_STATUSES.has(s)).map((s) => [s, 0]),
  ) as Record<OpenStatus, number>;
  const openByRag = Object.fromEntries([...RAGS, 'Not rated'].map((r) => [r, 0])) as Record<Rag | 'Not rated', number>;
  const overdue: OverdueItem[] = [];
  let open = 0;
  let withoutOwner = 0;
  const todayTime = Date.parse(today);

  type Change = { time: number; to: FindingStatus };
  const timelines: Array<{ initial: FindingStatus; changes: Change[]; from: string | null }> = [];
  const progressByMonth = new Map<string, number>();
  let earliest = todayTime;

  for (const f of findings) {
    const t = f.tracking;
    if (isOpen(t)) {
      open++;
      openByStatus[t.status as OpenStatus]++;
      openByRag[t.rag ?? 'Not rated']++;
      if (t.owner === null) withoutOwner++;
    }
    if (isOverdue(t, today) && t.due) {
      overdue.push({
        findingId: f.id,
        reportId: f.reportId,
        text: f.text,
        owner: t.owner,
        rag: t.rag,
        due: t.due,
        daysOverdue: Math.round((todayTime - Date.parse(t.due)) / DAY),
      });
    }
    const changes = t.history
      .filter((h) => h.field === 'status')
      .map((h) => ({ time: Date.parse(h.at), from: h.from as FindingStatus, to: h.to as FindingStatus }))
      .filter((c) => Number.isFinite(c.time))
      .sort((a, b) => a.time - b.time);
    const from = countsFrom?.(f) ?? null;
    const fromTime = from ? Date.parse(from) : NaN;
    timelines.push({ initial: changes[0]?.from ?? t.status, changes, from: Number.isFinite(fromTime) ? monthOf(fromTime) : null });
    if (changes[0] && changes[0].time < earliest) earliest = changes[0].time;
    if (Number.isFinite(fromTime) && fromTime < earliest) earliest = fromTime;
    for (const p of t.progress) {
      const time = Date.parse(p.at);
      if (!Number.isFinite(time)) continue;
      if (time < earliest) earliest = time;
      const month = monthOf(time);
      progressByMonth.set(month, (progressByMonth.get(month) ?? 0) + 1);
    }
  }

  const series = monthsBetween(monthOf(earliest), monthOf(todayTime)).map((month) => {
    const end = startOfNextMonth(month);
    let closedThen = 0;
    let counted = 0;
    for (const { initial, changes, from } of timelines) {
      if (from !== null && from > month) continue;
      counted++;
      let status = initial;
      for (const c of changes) {
        if (c.time >= end) break;
        status = c.to;
      }
      if (CLOSED_STATUSES.has(status)) closedThen++;
    }
    return { month, open: counted - closedThen, closed: closedThen, progressUpdates: progressByMonth.get(month) ?? 0 };
  });

  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || a.due.localeCompare(b.due));
  return { total: findings.length, open, closed: findings.length - open, openByStatus, openByRag, overdue, withoutOwner, series };
}
