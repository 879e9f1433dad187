export { dateInWords, parseLooseDate, type LooseDate } from '../../shared/domain/dates';

/** The last year a period names: "2018/19" → 2019, "2016" → 2016. */
export function periodEndYear(period: string | null): number | null {
  const m = period ? /(\d{4})(?:\s*[/–-]\s*(\d{2}|\d{4})\b)?/.exec(period) : null;
  if (!m) return null;
  const start = Number(m[1]);
  if (!m[2]) return start;
  return m[2].length === 2 ? Math.floor(start / 100) * 100 + Number(m[2]) : Number(m[2]);
}

/** The first year a period names: "2018/19" → 2018, "2016" → 2016. */
export function periodStartYear(period: string | null): number | null {
  const m = period ? /(\d{4})/.exec(period) : null;
  return m ? Number(m[1]) : null;
}
