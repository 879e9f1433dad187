const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** A date as a report states it: possibly only a month. `sortKey` orders dates; a month alone sorts before its days. */
export type LooseDate = { year: number; month: number; day: number | null; words: string; sortKey: string };

const pad = (n: number): string => String(n).padStart(2, '0');

function make(year: number, month: number, day: number | null): LooseDate | null {
  const name = MONTHS[month - 1];
  if (!name || year < 1900 || year > 2999) return null;
  if (day !== null) {
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  }
  return {
    year,
    month,
    day,
    words: day === null ? `${name} ${year}` : `${day} ${name} ${year}`,
    sortKey: `${year}-${pad(month)}-${day === null ? '00' : pad(day)}`,
  };
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  return MONTHS.findIndex((m) => m.toLowerCase() === lower || m.slice(0, 3).toLowerCase() === lower) + 1;
}

/** Reads "2017-12-12", "12/12/2017" (day first, as the inspectorate writes it), "12 December 2017" or "February 2020". */
export function parseLooseDate(text: string | null): LooseDate | null {
  if (!text) return null;
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (m) return make(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return make(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\s+(\d{4})$/.exec(t);
  if (m) return make(Number(m[3]), monthNumber(m[2] ?? ''), Number(m[1]));
  m = /^([A-Za-z]+)\s+(\d{4})$/.exec(t);
  if (m) return make(Number(m[2]), monthNumber(m[1] ?? ''), null);
  return null;
}

/** "2018-01-16" → "16 January 2018"; text that is not a date is returned as it is. */
export function dateInWords(text: string): string {
  return parseLooseDate(text)?.words ?? text;
}

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
