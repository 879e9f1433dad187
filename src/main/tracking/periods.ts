import type { Report } from '../../shared/domain/report';

/** The years a period names: "2016" → [2016, 2016], "2018/19" → [2018, 2019], "2021–22" → [2021, 2022]. */
export function parsePeriod(period: string | null | undefined): [number, number] | null {
  if (!period) return null;
  const m = /((?:19|20)\d{2})(?:\s*[/–-]\s*(\d{2}|\d{4})\b)?/.exec(period);
  if (!m?.[1]) return null;
  const start = Number(m[1]);
  if (!m[2]) return [start, start];
  const end = m[2].length === 2 ? Math.floor(start / 100) * 100 + Number(m[2]) : Number(m[2]);
  return [start, end >= start ? end : start];
}

/** Negative when period a began before period b; null when either cannot be read. */
export function comparePeriods(a: string | null | undefined, b: string | null | undefined): number | null {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (!pa || !pb) return null;
  return pa[0] - pb[0] || pa[1] - pb[1];
}

/** A report's period, or failing that the year it was published. */
function reportPeriod(report: Pick<Report, 'period' | 'published'>): [number, number] | null {
  return parsePeriod(report.period) ?? parsePeriod(report.published);
}

/**
 * Orders reports by the period they cover, then by when they were imported. Reports whose period
 * cannot be read go last, because they cannot be placed in time.
 */
export function compareReportsByTime(
  a: Pick<Report, 'period' | 'published' | 'importedAt'>,
  b: Pick<Report, 'period' | 'published' | 'importedAt'>,
): number {
  const pa = reportPeriod(a);
  const pb = reportPeriod(b);
  if (pa && pb) {
    const byPeriod = pa[0] - pb[0] || pa[1] - pb[1];
    if (byPeriod !== 0) return byPeriod;
  } else if (pa || pb) {
    return pa ? -1 : 1;
  }
  return a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : 0;
}

/** Whether report a covers a strictly earlier period than report b. */
export function coversEarlierPeriod(
  a: Pick<Report, 'period' | 'published'>,
  b: Pick<Report, 'period' | 'published'>,
): boolean {
  const pa = reportPeriod(a);
  const pb = reportPeriod(b);
  if (!pa || !pb) return false;
  return pa[0] < pb[0] || (pa[0] === pb[0] && pa[1] < pb[1]);
}

/** Today as an ISO date in the officer's own time zone: a paper written at 00:30 in June is dated that day. */
export function todayIso(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
