// Dates come from the one British formatter that main, the papers and the CLI use too.
export { formatDate, formatDateTime, formatMonth, formatNumericDate, formatTime } from '../shared/domain/dates';

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} bytes`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(0)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/** Today as an ISO date in the officer's own time zone, as main works out overdue. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
