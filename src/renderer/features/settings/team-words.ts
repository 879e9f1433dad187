import type { TeamStatus } from '../../../shared/api/sync';

/** "2 minutes ago", "just now", for the status bar. */
export function ago(iso: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return hours === 1 ? '1 hour ago' : `${hours} hours ago`;
  const days = Math.round(hours / 24);
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

const waiting = (n: number) => (n === 1 ? '1 change waiting' : `${n} changes waiting`);

/** The status bar's words for team working, or null when it is off. */
export function teamStatusWords(status: TeamStatus, now = Date.now()): string | null {
  if (!status.on) return null;
  switch (status.state) {
    case 'needs-password':
      return 'Team: give your password in Settings';
    case 'problem':
      return `Team: ${status.problem ?? 'a problem'}`;
    case 'offline':
      return status.waiting ? `Offline — ${waiting(status.waiting)}` : 'Offline';
    case 'starting':
      return 'Connecting to the team…';
    case 'sending':
      return status.waiting ? waiting(status.waiting) : 'Syncing…';
    default:
      return status.waiting ? waiting(status.waiting) : status.lastSyncedAt ? `Synced ${ago(status.lastSyncedAt, now)}` : 'Synced';
  }
}
