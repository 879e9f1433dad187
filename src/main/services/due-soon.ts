import type { DueItem, DueSoon, Reminders } from '../../shared/domain/due-soon';
import type { Finding } from '../../shared/domain/finding';
import { isOpen } from '../../shared/domain/register';
import type { Report } from '../../shared/domain/report';
import type { Store } from '../store/repository';
import type { ReportDoc } from '../store/schema';
import type { RagRules } from '../../shared/domain/tracking-settings';
import { publishedOn, withRag } from '../tracking/rag';
import { referencesOf } from './findings';
import { isActive } from './report-lifecycle';

const DAY = 86_400_000;

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(isoDate) + days * DAY).toISOString().slice(0, 10);
}

const sameOwner = (a: string | null, b: string) => (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();

type DueFinding = Finding & { tracking: { due: string } };
type DueReport = { report: Report; due: DueFinding[] };

/** One report's open findings with a target date on or before `until`, with the RAG that applies today. */
function dueIn(doc: ReportDoc, today: string, until: string, rules: RagRules): DueFinding[] {
  // Chosen from the findings as stored: the RAG the rules give changes neither status nor date.
  const published = publishedOn(doc.report);
  return doc.findings
    .filter((f) => isOpen(f.tracking) && f.tracking.due !== null && f.tracking.due <= until)
    .map((f) => withRag(f, published, rules, today) as DueFinding);
}

/**
 * The reports with due findings, for one day, period and set of rules, kept up to date from the store's
 * changes: the reminder banner asks again after every edit, and at 5,000 reports only the report edited
 * is looked at again. The reminders and the Due soon view ask for a few periods; the last few are kept.
 */
interface DueIndex {
  byReport: Map<string, DueReport>;
  /** Reports changed since they were last looked at. */
  changed: Set<string>;
}
const KEPT_PERIODS = 3;
const dueIndexes = new WeakMap<Store, Map<string, DueIndex>>();

function dueReports(store: Store, today: string, until: string): Iterable<DueReport> {
  let kept = dueIndexes.get(store);
  if (!kept) {
    const made = new Map<string, DueIndex>();
    store.onChange((change) => {
      if (change.kind === 'report') for (const index of made.values()) index.changed.add(change.id);
    });
    dueIndexes.set(store, (kept = made));
  }
  const rules = store.index.tracking.rag;
  const basis = `${today}\u0000${until}\u0000${JSON.stringify(rules)}`;
  let index = kept.get(basis);
  kept.delete(basis);
  const look = (doc: ReportDoc | undefined, id: string) => {
    const due = doc && isActive(doc.report) ? dueIn(doc, today, until, rules) : [];
    if (due.length) index!.byReport.set(id, { report: doc!.report, due });
    else index!.byReport.delete(id);
  };
  if (!index) {
    index = { byReport: new Map(), changed: new Set() };
    for (const doc of store.allReportDocs()) look(doc, doc.report.id);
  } else {
    for (const id of index.changed) look(store.reportDoc(id), id);
    index.changed.clear();
  }
  kept.set(basis, index);
  while (kept.size > KEPT_PERIODS) kept.delete(kept.keys().next().value as string);
  return index.byReport.values();
}

/** Open findings with a target date on or before `until` (so every overdue one), most pressing first. */
export function dueItems(store: Store, today: string, until: string, owner?: string): DueItem[] {
  const due: { finding: DueFinding; report: Report }[] = [];
  for (const { report, due: findings } of dueReports(store, today, until)) {
    for (const finding of findings) {
      if (owner === undefined || sameOwner(finding.tracking.owner, owner)) due.push({ finding, report });
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
