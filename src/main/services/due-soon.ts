import type { DueItem, DueSoon, Reminders } from '../../shared/domain/due-soon';
import type { Finding } from '../../shared/domain/finding';
import { isOpen } from '../../shared/domain/register';
import type { Report } from '../../shared/domain/report';
import type { Store } from '../store/repository';
import { referencesOf, trackedFindings } from './findings';

const DAY = 86_400_000;

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(isoDate) + days * DAY).toISOString().slice(0, 10);
}

const sameOwner = (a: string | null, b: string) => (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();

/** Open findings with a target date on or before `until` (so every overdue one), most pressing first. */
export function dueItems(store: Store, today: string, until: string, owner?: string): DueItem[] {
  const { findings, reports } = trackedFindings(store, today);
  const refs = referencesOf(store);
  const titles = new Map(reports.map((r: Report) => [r.id, r.title]));
  return findings
    .filter((f): f is Finding & { tracking: { due: string } } => isOpen(f.tracking) && f.tracking.due !== null && f.tracking.due <= until)
    .filter((f) => owner === undefined || sameOwner(f.tracking.owner, owner))
    .map((f) => {
      const daysLeft = Math.round((Date.parse(f.tracking.due) - Date.parse(today)) / DAY);
      return {
        findingId: f.id,
        reportId: f.reportId,
        reference: refs.get(f.id) ?? '',
        reportTitle: titles.get(f.reportId) ?? '',
        text: f.leadIn ? `${f.leadIn} ${f.text}` : f.text,
        owner: f.tracking.owner,
        status: f.tracking.status,
        rag: f.tracking.rag,
        due: f.tracking.due,
        daysLeft,
        overdue: daysLeft < 0,
      };
    })
    .sort((a, b) => a.daysLeft - b.daysLeft || a.reference.localeCompare(b.reference));
}

/** The Due soon view: the next `days` days and everything overdue, grouped by owner. */
export function dueSoon(store: Store, today: string, days: number, owner?: string): DueSoon {
  const items = dueItems(store, today, addDays(today, days), owner);
  const groups: DueSoon['groups'] = [];
  // Items are most pressing first, so each owner's group comes in the order of its most pressing finding.
  for (const item of items) {
    let group = groups.find((g) => (g.owner === null ? item.owner === null : item.owner !== null && sameOwner(g.owner, item.owner)));
    if (!group) {
      group = { owner: item.owner, items: [] };
      groups.push(group);
    }
    group.items.push(item);
  }
  return { days, today, groups, total: items.length, overdue: items.filter((i) => i.overdue).length };
}

/** What to remind of now: overdue and due within the notice period, less what was snoozed until later. */
export function remindersDue(store: Store, today: string, now: Date): Reminders {
  const { enabled, noticeDays } = store.index.tracking.reminders;
  const all = dueItems(store, today, addDays(today, noticeDays));
  const snoozed = new Set(store.index.snoozes.filter((s) => Date.parse(s.until) > now.getTime()).flatMap((s) => s.findingIds));
  const items = all.filter((i) => !snoozed.has(i.findingId));
  return {
    enabled,
    noticeDays,
    items: enabled ? items : [],
    overdue: enabled ? items.filter((i) => i.overdue).length : 0,
    dueSoon: enabled ? items.filter((i) => !i.overdue).length : 0,
    snoozed: all.length - items.length,
  };
}

/** Puts off reminders of these findings for `days` days; expired snoozes are dropped at the same time. */
export async function snoozeReminders(store: Store, findingIds: string[], days: number, now: Date): Promise<{ until: string }> {
  const until = new Date(now.getTime() + days * DAY).toISOString();
  await store.updateIndex((index) => {
    index.snoozes = index.snoozes.filter((s) => Date.parse(s.until) > now.getTime());
    index.snoozes.push({ findingIds: [...new Set(findingIds)], until });
  });
  return { until };
}
