import { FINDING_STATUSES, progressDate, RAGS, type Finding, type FindingStatus, type Rag } from '../../shared/domain/finding';
import { CLOSED_STATUSES, isOpen, isOverdue } from '../../shared/domain/register';
import type { Report } from '../../shared/domain/report';
import type { AwaitingApproval, Dashboard, OpenStatus, OverdueItem, TimeToClose } from '../../shared/domain/views';
import { parseLooseDate } from '../paper/dates';
import { compareReportsByTime } from './periods';

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
export function dashboard(
  findings: readonly Finding[],
  today: string,
  reports: readonly Report[] = [],
  countsFrom?: (finding: Finding) => string | null,
): Dashboard {
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
      const time = Date.parse(progressDate(p));
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
  const quarter = quarterOf(today);
  const closedThisQuarter = findings.filter((f) => {
    const r = f.tracking.resolution;
    return f.tracking.status === 'Closed' && r !== null && r.date >= quarter.start && r.date <= quarter.end;
  }).length;
  return {
    total: findings.length,
    open,
    closed: findings.length - open,
    openByStatus,
    openByRag,
    overdue,
    withoutOwner,
    series,
    quarter,
    closedThisQuarter,
    awaitingApproval: awaiting(findings, todayTime),
    timeToClose: timeToClose(findings, reports),
  };
}

/** The calendar quarter a date falls in, as first and last day. */
export function quarterOf(today: string): { start: string; end: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const first = Math.floor((m - 1) / 3) * 3 + 1;
  const last = new Date(Date.UTC(y, first + 2, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { start: `${y}-${pad(first)}-01`, end: `${y}-${pad(first + 2)}-${pad(last)}` };
}

function awaiting(findings: readonly Finding[], todayTime: number): AwaitingApproval[] {
  return findings
    .filter((f) => f.tracking.status === 'Proposed for closure')
    .map((f) => {
      const proposal = f.tracking.proposal;
      const on = proposal?.at.slice(0, 10) ?? new Date(todayTime).toISOString().slice(0, 10);
      return {
        findingId: f.id,
        reportId: f.reportId,
        text: f.text,
        owner: f.tracking.owner,
        proposedBy: proposal?.by ?? '',
        proposedOn: on,
        daysWaiting: Math.max(0, Math.round((todayTime - Date.parse(on)) / DAY)),
      };
    })
    .sort((a, b) => b.daysWaiting - a.daysWaiting);
}

/** A report's publication as a day (a month alone counts from its first), else the day it was imported. */
function publishedDay(report: Report): number {
  const published = parseLooseDate(report.published);
  if (published) return Date.UTC(published.year, published.month - 1, published.day ?? 1);
  return Date.parse(report.importedAt.slice(0, 10));
}

function timeToClose(findings: readonly Finding[], reports: readonly Report[]): TimeToClose[] {
  const byReport = new Map<string, Finding[]>();
  for (const f of findings) byReport.set(f.reportId, [...(byReport.get(f.reportId) ?? []), f]);
  return [...reports]
    .filter((r) => byReport.has(r.id))
    .sort(compareReportsByTime)
    .map((report) => {
      const own = byReport.get(report.id) ?? [];
      const start = publishedDay(report);
      const days = own
        .flatMap((f) => (f.tracking.status === 'Closed' && f.tracking.resolution ? [f.tracking.resolution.date] : []))
        .map((date) => Math.max(0, Math.round((Date.parse(date) - start) / DAY)))
        .sort((a, b) => a - b);
      const mid = days.length / 2;
      const medianDays = days.length === 0 ? null : days.length % 2 ? days[Math.floor(mid)]! : (days[mid - 1]! + days[mid]!) / 2;
      const meanDays = days.length === 0 ? null : Math.round(days.reduce((a, b) => a + b, 0) / days.length);
      return { reportId: report.id, title: report.title, period: report.period, findings: own.length, closed: days.length, medianDays, meanDays };
    });
}
