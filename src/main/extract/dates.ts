const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * A date as ISO yyyy-mm-dd from the forms documents print: "14 March 2024", "Thursday 14th March 2024",
 * "14/03/2024" (British, day first), "2024-03-14", "March 14, 2024". Null for anything else, or no real date.
 */
export function parseDate(text: string): string | null {
  const t = text.trim().replace(/^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+/i, '');
  let day: number;
  let month: number;
  let year: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})\b/.exec(t);
  const slashed = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/.exec(t);
  const worded = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+),?\s+(\d{4})\b/.exec(t);
  const american = /^([A-Za-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?,\s+(\d{4})\b/.exec(t);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (slashed) {
    [day, month, year] = [Number(slashed[1]), Number(slashed[2]), Number(slashed[3])];
  } else if (worded) {
    day = Number(worded[1]);
    month = MONTHS.indexOf((worded[2] ?? '').toLowerCase()) + 1;
    year = Number(worded[3]);
  } else if (american) {
    day = Number(american[2]);
    month = MONTHS.indexOf((american[1] ?? '').toLowerCase()) + 1;
    year = Number(american[3]);
  } else {
    return null;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1990 || year > 2100) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
