import { randomUUID } from 'node:crypto';
import type { FindingDetail, LinkedFinding, LinkView, TrackingChanges } from '../../shared/api/findings';
import { AppError } from '../../shared/api/result';
import type { Finding, FindingLink } from '../../shared/domain/finding';
import type { Report } from '../../shared/domain/report';
import type { Dashboard, GradeHistory, RegisterRow } from '../../shared/domain/views';
import type { Store } from '../store/repository';
import { dashboard } from '../tracking/dashboard';
import { gradeHistory } from '../tracking/grade-history';
import { linkChains, suggestLinks } from '../tracking/link-suggestions';
import { compareReportsByTime, coversEarlierPeriod } from '../tracking/periods';
import { buildRegister } from '../tracking/register';
import { publicationDate } from '../tracking/inspections';
import { activeReportDocs } from './report-lifecycle';
import { addProgress, applyTrackingPatch } from '../tracking/tracking-update';

/** Every finding with its report. Finding ids are unique across reports; a scan of 10,000 findings takes well under a millisecond. */
function findingsWithReports(store: Store): Map<string, { finding: Finding; report: Report }> {
  const map = new Map<string, { finding: Finding; report: Report }>();
  for (const doc of store.allReportDocs()) for (const finding of doc.findings) map.set(finding.id, { finding, report: doc.report });
  return map;
}

function requireFinding(store: Store, id: string): { finding: Finding; report: Report } {
  for (const doc of store.allReportDocs()) {
    const finding = doc.findings.find((f) => f.id === id);
    if (finding) return { finding, report: doc.report };
  }
  throw new AppError('not-found', `There is no finding with id ${id}; it may have been removed or merged.`);
}

function linked({ finding, report }: { finding: Finding; report: Report }): LinkedFinding {
  return {
    id: finding.id,
    reportId: report.id,
    reportTitle: report.title,
    reportPeriod: report.period,
    reportKind: report.kind,
    kind: finding.kind,
    text: finding.text,
    status: finding.tracking.status,
  };
}

function viewOf(link: FindingLink, all: Map<string, { finding: Finding; report: Report }>): LinkView | null {
  const earlier = all.get(link.earlierId);
  const later = all.get(link.laterId);
  return earlier && later ? { link, earlier: linked(earlier), later: linked(later) } : null;
}

/** The register: the findings of the reports the officer works with (archived and superseded reports are left out). */
export function registerRows(store: Store, today: string): RegisterRow[] {
  const docs = activeReportDocs(store);
  return buildRegister(
    docs.flatMap((d) => d.findings),
    docs.map((d) => d.report),
    today,
  );
}

export function findingDetail(store: Store, id: string): FindingDetail {
  const all = findingsWithReports(store);
  const own = all.get(id);
  if (!own) throw new AppError('not-found', `There is no finding with id ${id}; it may have been removed or merged.`);
  const members = new Set(linkChains(store.index.links).filter((chain) => chain.includes(id)).flat());
  members.add(id);
  const chain = [...members]
    .flatMap((member) => all.get(member) ?? [])
    .sort((a, b) => compareReportsByTime(a.report, b.report) || a.finding.order - b.finding.order)
    .map(linked);
  const links = store.index.links
    .filter((l) => l.state !== 'rejected' && (l.earlierId === id || l.laterId === id))
    .flatMap((l) => viewOf(l, all) ?? []);
  const { reportId, reportTitle, reportPeriod, reportKind } = linked(own);
  return { finding: own.finding, report: { reportId, reportTitle, reportPeriod, reportKind }, chain, links };
}

/** Changes tracking fields, each real change recorded in the finding's history against the officer's name. */
export async function updateTracking(store: Store, id: string, changes: TrackingChanges, at: string): Promise<Finding> {
  const { report } = requireFinding(store, id);
  const by = store.index.settings.userName;
  return store.updateReport(report.id, (draft) => {
    const finding = draft.findings.find((f) => f.id === id) as Finding;
    finding.tracking = applyTrackingPatch(finding.tracking, changes, by, at);
    return finding;
  });
}

export async function addProgressUpdate(store: Store, id: string, text: string, at: string): Promise<Finding> {
  const { report } = requireFinding(store, id);
  const by = store.index.settings.userName;
  return store.updateReport(report.id, (draft) => {
    const finding = draft.findings.find((f) => f.id === id) as Finding;
    finding.tracking = addProgress(finding.tracking, text, by, at, randomUUID());
    return finding;
  });
}

/** Looks for pairs not yet linked, rejected or suggested, and stores them as suggestions for the officer. */
export async function suggestNewLinks(store: Store, at: string): Promise<LinkView[]> {
  // Archived reports are still the force's history; a superseded one gave way to another.
  const docs = store.allReportDocs().filter((d) => d.report.status !== 'superseded');
  const found = suggestLinks(
    docs.flatMap((d) => d.findings),
    docs.map((d) => d.report),
    store.index.links,
  );
  if (found.length === 0) return [];
  const added: FindingLink[] = found.map((s) => ({ id: randomUUID(), ...s, state: 'suggested', at }));
  await store.updateIndex((draft) => {
    draft.links.push(...added);
  });
  const all = findingsWithReports(store);
  return added.flatMap((l) => viewOf(l, all) ?? []);
}

export async function decideLink(store: Store, id: string, decision: 'confirmed' | 'rejected', at: string): Promise<LinkView> {
  if (!store.index.links.some((l) => l.id === id)) throw new AppError('not-found', `There is no link with id ${id}.`);
  const link = await store.updateIndex((draft) => {
    const found = draft.links.find((l) => l.id === id) as FindingLink;
    found.state = decision;
    found.at = at;
    return found;
  });
  const view = viewOf(link, findingsWithReports(store));
  if (!view) throw new AppError('not-found', 'One of the linked findings has been removed.');
  return view;
}

/**
 * Links two findings by hand, confirmed. The earlier one is the one whose report covers the earlier period,
 * whichever way round they were given; a pair already linked in any state becomes confirmed.
 */
export async function createLink(store: Store, firstId: string, secondId: string, at: string): Promise<LinkView> {
  const first = requireFinding(store, firstId);
  const second = requireFinding(store, secondId);
  if (first.report.id === second.report.id) {
    throw new AppError('invalid-input', 'Both findings are in the same report; a link joins a finding to the same finding in another inspection.');
  }
  const [earlier, later] = coversEarlierPeriod(second.report, first.report) ? [second, first] : [first, second];
  const link = await store.updateIndex((draft) => {
    const existing = draft.links.find(
      (l) =>
        (l.earlierId === earlier.finding.id && l.laterId === later.finding.id) ||
        (l.earlierId === later.finding.id && l.laterId === earlier.finding.id),
    );
    if (existing) {
      Object.assign(existing, { earlierId: earlier.finding.id, laterId: later.finding.id, state: 'confirmed', at });
      return existing;
    }
    const made: FindingLink = { id: randomUUID(), earlierId: earlier.finding.id, laterId: later.finding.id, state: 'confirmed', score: 1, at };
    draft.links.push(made);
    return made;
  });
  return { link, earlier: linked(earlier), later: linked(later) };
}

/**
 * Inspection reports and board papers (which state the grades of the year they report on) as one grid:
 * archived reports are history and stay; superseded ones gave way to another and are left out.
 */
export function gradeHistoryOf(store: Store): GradeHistory {
  return gradeHistory(
    store
      .allReportDocs()
      .map((d) => d.report)
      .filter((r) => r.status !== 'superseded'),
  );
}

/**
 * The dashboard over the findings of active reports, each counted once: a supporting document's findings
 * (a board paper listing the AFIs of a report) are left out when the report they are about is held, as
 * they are that report's findings again. Each finding counts from its report's publication.
 */
export function dashboardOf(store: Store, today: string): Dashboard {
  const docs = activeReportDocs(store);
  const held = new Set(docs.map((d) => d.report.id));
  const counted = docs.filter((d) => d.report.kind === 'inspection-report' || !(d.report.aboutReportId && held.has(d.report.aboutReportId)));
  const published = new Map(counted.map((d) => [d.report.id, publicationDate(d.report)]));
  return dashboard(
    counted.flatMap((d) => d.findings),
    today,
    (f) => published.get(f.reportId) ?? null,
  );
}
