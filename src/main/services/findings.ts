import { randomUUID } from 'node:crypto';
import type { FindingDetail, LinkedFinding, LinkView, TrackingChanges } from '../../shared/api/findings';
import { AppError } from '../../shared/api/result';
import type { Finding, FindingLink } from '../../shared/domain/finding';
import type { Report } from '../../shared/domain/report';
import type { Dashboard, GradeHistory, RegisterRow } from '../../shared/domain/views';
import type { Store } from '../store/repository';
import type { ReportHead } from '../store/report-heads';
import type { ReportDoc } from '../store/schema';
import { dashboard } from '../tracking/dashboard';
import { gradeHistory } from '../tracking/grade-history';
import { linkChains, suggestLinks } from '../tracking/link-suggestions';
import { compareReportsByTime, coversEarlierPeriod } from '../tracking/periods';
import { publicationDate } from '../tracking/inspections';
import { activeReportDocs } from './report-lifecycle';
import { addProgress, applyTrackingPatch } from '../tracking/tracking-update';
import { plainText } from '../../shared/domain/text-terms';
import { registerOf } from './register';
import { publishedOn, withRag } from '../tracking/rag';
import { findingNumbers, reportLabels } from '../tracking/references';
import { buildRegister } from '../tracking/register';
import { todayIso } from '../tracking/periods';

/**
 * Every finding of the active reports as main sends it out, with the RAG that applies today (the officer's, else the written
 * rules'), and its report.
 */
export function trackedFindings(store: Store, today: string): { findings: Finding[]; reports: Report[] } {
  const rules = store.index.tracking.rag;
  // Archived and superseded reports are left out of the register, the dashboard and the papers made from them.
  const docs = activeReportDocs(store);
  const findings: Finding[] = [];
  for (const doc of docs) {
    const published = publishedOn(doc.report);
    for (const f of doc.findings) findings.push(withRag(f, published, rules, today));
  }
  return { findings, reports: docs.map((d) => d.report) };
}

/**
 * A finding as main sends it after a change: with the RAG that applies today, as the register and the
 * finding panel show it, so a window that patches its copy from the answer shows the same RAG.
 */
export function sentFinding(store: Store, finding: Finding): Finding {
  const reportId = store.findingReportId(finding.id) ?? finding.reportId;
  const report = store.reportDoc(reportId)?.report;
  return report ? withRag(finding, publishedOn(report), store.index.tracking.rag, todayIso()) : finding;
}

/** Each report's findings numbered by kind, kept while the report is unchanged (a save gives it a new document). */
const numbering = new WeakMap<ReportDoc, Map<string, string>>();
function numbersIn(doc: ReportDoc): Map<string, string> {
  let numbers = numbering.get(doc);
  if (!numbers) {
    numbers = findingNumbers(doc.findings);
    numbering.set(doc, numbers);
  }
  return numbers;
}

/** What a report's label depends on (see reportLabels); undefined for a report without findings, which has none. */
const labelBasis = (head: ReportHead | undefined): string | undefined =>
  head && head.findingCount > 0 ? [head.report.period, head.report.published, head.report.kind, head.report.importedAt].join('\u0000') : undefined;

interface KeptLabels {
  bases: Map<string, string | undefined>;
  labels: Map<string, string> | null;
}
const keptLabels = new WeakMap<Store, KeptLabels>();

/**
 * The labels of the reports with findings, kept until a report comes, goes, or changes what its label
 * depends on: a tracking edit saves its report again, and keeps every label.
 */
function labelsOf(store: Store): Map<string, string> {
  let kept = keptLabels.get(store);
  if (!kept) {
    const made: KeptLabels = { bases: new Map(), labels: null };
    store.onChange((change) => {
      if (change.kind === 'report' && made.labels && made.bases.get(change.id) !== labelBasis(store.reportHead(change.id))) made.labels = null;
    });
    keptLabels.set(store, (kept = made));
  }
  if (!kept.labels) {
    const heads = store.reportHeads().filter((head) => head.findingCount > 0);
    kept.bases = new Map(heads.map((head) => [head.report.id, labelBasis(head)]));
    kept.labels = reportLabels(heads.map((head) => head.report));
  }
  return kept.labels;
}

/**
 * The stable reference ("2018/19-AFI-04") of every finding, or of the findings of the reports named (a
 * finding's panel, the reminders): the numbers are worked out once per report, and the reports' labels,
 * which depend on every report with findings, from the report heads.
 */
export function referencesOf(store: Store, reportIds?: Iterable<string>): Map<string, string> {
  const labels = labelsOf(store);
  const docs = reportIds ? [...new Set(reportIds)].flatMap((id) => store.reportDoc(id) ?? []) : store.allReportDocs();
  const refs = new Map<string, string>();
  for (const doc of docs) {
    const label = labels.get(doc.report.id) ?? 'Undated';
    for (const [id, number] of numbersIn(doc)) refs.set(id, `${label}-${number}`);
  }
  return refs;
}

type Located = { finding: Finding; report: Report };

/** A finding as stored and its report, found through the store's lookup by id (no scan of every report). */
function locate(store: Store, id: string): Located | undefined {
  const reportId = store.findingReportId(id);
  const doc = reportId ? store.reportDoc(reportId) : undefined;
  const finding = doc?.findings.find((f) => f.id === id);
  return doc && finding ? { finding, report: doc.report } : undefined;
}

export function requireFinding(store: Store, id: string): Located {
  const found = locate(store, id);
  if (!found) throw new AppError('not-found', `There is no finding with id ${id}; it may have been removed or merged.`);
  return found;
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

function viewOf(store: Store, link: FindingLink): LinkView | null {
  const earlier = locate(store, link.earlierId);
  const later = locate(store, link.laterId);
  return earlier && later ? { link, earlier: linked(earlier), later: linked(later) } : null;
}

/** The register: the findings of the reports the officer works with (archived and superseded reports are left out). */
export function registerRows(store: Store, today: string): RegisterRow[] {
  const { findings, reports } = trackedFindings(store, today);
  return buildRegister(findings, reports, today);
}

export function findingDetail(store: Store, id: string): FindingDetail {
  const own = requireFinding(store, id);
  const members = new Set(linkChains(store.index.links).filter((chain) => chain.includes(id)).flat());
  members.add(id);
  const chain = [...members]
    .flatMap((member) => locate(store, member) ?? [])
    .sort((a, b) => compareReportsByTime(a.report, b.report) || a.finding.order - b.finding.order)
    .map(linked);
  const links = store.index.links
    .filter((l) => l.state !== 'rejected' && (l.earlierId === id || l.laterId === id))
    .flatMap((l) => viewOf(store, l) ?? []);
  const { reportId, reportTitle, reportPeriod, reportKind } = linked(own);
  const today = todayIso();
  const supersededBy = own.finding.tracking.resolution?.supersededBy ?? null;
  const successor = supersededBy ? locate(store, supersededBy) : undefined;
  const refs = referencesOf(store, successor ? [own.report.id, successor.report.id] : [own.report.id]);
  return {
    finding: withRag(own.finding, publishedOn(own.report), store.index.tracking.rag, today),
    report: { reportId, reportTitle, reportPeriod, reportKind },
    reference: refs.get(id) ?? '',
    supersededBy: successor ? { ...linked(successor), reference: refs.get(successor.finding.id) ?? '' } : null,
    chain,
    links,
  };
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

/** A progress update dated `on` (the officer's today when left out), entered now. */
export async function addProgressUpdate(store: Store, id: string, text: string, at: string, on: string = todayIso()): Promise<Finding> {
  const { report } = requireFinding(store, id);
  const by = store.index.settings.userName;
  return store.updateReport(report.id, (draft) => {
    const finding = draft.findings.find((f) => f.id === id) as Finding;
    finding.tracking = addProgress(finding.tracking, text, by, at, randomUUID(), { on });
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
  return added.flatMap((l) => viewOf(store, l) ?? []);
}

export async function decideLink(store: Store, id: string, decision: 'confirmed' | 'rejected', at: string): Promise<LinkView> {
  if (!store.index.links.some((l) => l.id === id)) throw new AppError('not-found', `There is no link with id ${id}.`);
  const link = await store.updateIndex((draft) => {
    const found = draft.links.find((l) => l.id === id) as FindingLink;
    found.state = decision;
    found.at = at;
    return found;
  });
  const view = viewOf(store, link);
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
  const { findings, reports } = trackedFindings(store, today);
  const held = new Set(reports.map((r) => r.id));
  const counted = new Set(reports.filter((r) => r.kind === 'inspection-report' || !(r.aboutReportId && held.has(r.aboutReportId))).map((r) => r.id));
  const published = new Map(reports.map((r) => [r.id, publicationDate(r)]));
  return dashboard(
    findings.filter((f) => counted.has(f.reportId)),
    today,
    reports.filter((r) => counted.has(r.id)),
    (f) => published.get(f.reportId) ?? null,
  );
}

/**
 * Findings of other reports than `id`'s whose words, or whose report's period, contain every word of
 * `q`, earliest report first: what "Link to another finding…" offers.
 */
export function linkCandidates(store: Store, id: string, q: string, limit: number): LinkedFinding[] {
  const { report } = requireFinding(store, id);
  const words = plainText(q).toLowerCase().split(/\s+/).filter(Boolean);
  const found: LinkedFinding[] = [];
  for (const row of registerOf(store).matching()) {
    if (row.finding.reportId === report.id) continue;
    const period = row.reportPeriod?.toLowerCase() ?? '';
    if (!words.every((w) => row.haystack.includes(w) || period.includes(w))) continue;
    const doc = store.reportDoc(row.finding.reportId);
    if (doc) found.push(linked({ finding: row.finding, report: doc.report }));
    if (found.length >= limit) break;
  }
  return found;
}
