import type { DueItem, DueSoon, Reminders } from '../../shared/domain/due-soon';
import type { Finding } from '../../shared/domain/finding';
import { isOpen } from '../../shared/domain/register';
import type { Report } from '../../shared/domain/report';
import type { Store } from '../store/repository';
import type { ReportDoc } from '../store/schema';
import type { RagRules } from '../../shared/domain/tracking-settings';
import { publishedOn, withRag } from '../tracking/rag';
import { referencesOf } from './findings';
import { activeReportDocs } from './report-lifecycle';

const DAY = 86_400_000;

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(isoDate) + days * DAY).toISOString().slice(0, 10);
}

const sameOwner = (a: string | null, b: string) => (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();

/** Each report's due findings with their RAG, kept while the report, the day and the rules are unchanged. */
const dueMemo = new WeakMap<ReportDoc, { basis: string; due: DueFinding[] }>();
type DueFinding = Finding & { tracking: { due: string } };

/**
 * A report's open findings with a target date on or before `until`, with the RAG that applies today. Chosen
 * from the findings as stored (the RAG changes neither status nor date), and remembered: the reminder banner
 * asks again after every edit, and at 5,000 reports only the edited report is looked at again.
 */
function dueIn(doc: ReportDoc, today: string, until: string, rules: RagRules, basis: string): DueFinding[] {
  const kept = dueMemo.get(doc);
  if (kept?.basis === basis) return kept.due;
  const published = publishedOn(doc.report);
  const due = doc.findings
    .filter((f) => isOpen(f.tracking) && f.tracking.due !== null && f.tracking.due <= until)
    .map((f) => withRag(f, published, rules, today) as DueFinding);
  dueMemo.set(doc, { basis, due });
  return due;
}

/** Open findings with a target date on or before `until` (so every overdue one), most pressing first. */
export function dueItems(store: Store, today: string, until: string, owner?: string): DueItem[] {
  const rules = store.index.tracking.rag;
  const basis = `${today}\u0000${until}\u0000${JSON.stringify(rules)}`;
  const due: { finding: DueFinding; report: Report }[] = [];
  for (const doc of activeReportDocs(store)) {
    for (const finding of dueIn(doc, today, until, rules, basis)) {
      if (owner === undefined || sameOwner(finding.tracking.owner, owner)) due.push({ finding, report: doc.report });
    }
  }
  const refs = referencesOf(store, due.map((d) => d.report.id));
  return due
    .map(({ finding: f, report }) => {
      const daysLeft = Math.round((Date.parse(f.tracking.due) - Date.parse(today)) / DAY);
      return {
        findingId: f.id,
        reportId: f.reportId,
        reference: refs.get(f.id) ?? '',
        reportTitle: report.title,
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
