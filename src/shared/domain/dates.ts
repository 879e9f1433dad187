/**
 * Every date the app shows or writes, in British form, worked out by hand rather than by Intl or the
 * browser, so the officer reads "7 February 2020" (and types 07/02/2020) whatever the locale of the
 * browser, the operating system or the CI machine. One module for the screens, the papers, the
 * register and the command line.
 */

export const MONTHS = [
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

const pad = (n: number): string => String(n).padStart(2, '0');

/** A date as a report states it: possibly only a month. `sortKey` orders dates; a month alone sorts before its days. */
export type LooseDate = { year: number; month: number; day: number | null; words: string; sortKey: string };

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
  if (lower.length < 3) return 0;
  return MONTHS.findIndex((m) => m.toLowerCase() === lower || (lower.length <= 4 && m.slice(0, lower.length).toLowerCase() === lower)) + 1;
}

/** A two-digit year is this century's: 07/02/20 is 2020. */
const fullYear = (text: string): number => (text.length === 2 ? 2000 + Number(text) : Number(text));

/**
 * Reads "2017-12-12", "12/12/2017" or "12.12.17" (day first, always), "12 December 2017", "12th Dec 2017"
 * or "February 2020". Null for anything else, including dates that do not exist (31/02/2020).
 */
export function parseLooseDate(text: string | null | undefined): LooseDate | null {
  if (!text) return null;
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (m) return make(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(t);
  if (m) return make(fullYear(m[3] ?? ''), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(t);
  if (m) return make(Number(m[3]), monthNumber(m[2] ?? ''), Number(m[1]));
  m = /^([A-Za-z]+)\s+(\d{4})$/.exec(t);
  if (m) return make(Number(m[2]), monthNumber(m[1] ?? ''), null);
  return null;
}

/** An ISO date (2020-02-07) from what the officer typed in a date field, or null when it is not a whole date. */
export function parseBritishDate(text: string): string | null {
  const date = parseLooseDate(text);
  return date && date.day !== null ? `${date.year}-${pad(date.month)}-${pad(date.day)}` : null;
}

/** A Date for the calendar day an ISO date names, at midday local time (so no time zone moves it a day). */
export function isoToLocalDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
}

/** The ISO date of a Date's calendar day in local time. */
export const localDateToIso = (date: Date): string => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** A local Date from an ISO date ("2020-02-07", that calendar day) or instant ("2020-02-07T09:30:00Z"). */
function toDate(iso: string): Date | null {
  const day = isoToLocalDate(iso);
  if (day) return day;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso)) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * "7 February 2020" from an ISO date or instant (an instant on the local calendar), or from any date a report
 * states; "—" for nothing; text that is not a date comes back as it is.
 */
export function formatDate(text: string | null | undefined): string {
  if (!text) return '—';
  const date = toDate(text);
  if (date) return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
  return parseLooseDate(text)?.words ?? text;
}

/** The paper's words for a date: "16 January 2018", or "January 2018" when only the month is known. */
export const dateInWords = (text: string): string => parseLooseDate(text)?.words ?? formatDate(text);

/** "07/02/2020", as a British date field shows it; "" for nothing. */
export function formatNumericDate(text: string | null | undefined): string {
  if (!text) return '';
  const date = toDate(text);
  return date ? `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}` : text;
}

/** "09:30" (24-hour clock, local time), or "09:30:05" with seconds. */
export function formatTime(date: Date, seconds = false): string {
  const hm = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return seconds ? `${hm}:${pad(date.getSeconds())}` : hm;
}

/** "7 February 2020, 09:30" from an ISO instant, in local time; the input back if it is not one. */
export function formatDateTime(iso: string): string {
  const date = toDate(iso);
  return date ? `${formatDate(iso)}, ${formatTime(date)}` : iso;
}

/** "February 2020" from "2020-02"; "Feb 2020" when short. */
export function formatMonth(month: string, short = false): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const name = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || !name) return month;
  return `${short ? name.slice(0, 3) : name} ${m[1]}`;
}
