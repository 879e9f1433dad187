import type { DeletedReport, ReportImpact, StatusChange } from '../../shared/api/reports';
import { AppError } from '../../shared/api/result';
import { hasTracking } from './corrections';
import type { Report } from '../../shared/domain/report';
import type { Store } from '../store/repository';
import type { ReportDoc } from '../store/schema';

/** Archived and superseded reports are hidden from lists, the register and the dashboard; nothing of them is lost. */
export const isActive = (report: Pick<Report, 'status'>): boolean => (report.status ?? 'active') === 'active';

/** The reports the officer works with day to day. */
export const activeReportDocs = (store: Store): ReportDoc[] => store.allReportDocs().filter((doc) => isActive(doc.report));

function requireReport(store: Store, id: string): ReportDoc {
  const doc = store.reportDoc(id);
  if (!doc) throw new AppError('not-found', `There is no report with id ${id}; it may have been deleted.`);
  return doc;
}

function linkedNotes(store: Store, doc: ReportDoc) {
  const findingIds = new Set(doc.findings.map((f) => f.id));
  return store.allNotes().filter((n) => n.reportId === doc.report.id || (n.findingId !== null && findingIds.has(n.findingId)));
}

function linksOf(store: Store, doc: ReportDoc) {
  const findingIds = new Set(doc.findings.map((f) => f.id));
  return store.index.links.filter((l) => findingIds.has(l.earlierId) || findingIds.has(l.laterId));
}

/** What a deletion would take with it, for the officer to read before confirming. */
export function reportImpact(store: Store, id: string): ReportImpact {
  const doc = requireReport(store, id);
  return {
    findings: doc.findings.length,
    trackedFindings: doc.findings.filter(hasTracking).length,
    progressUpdates: doc.findings.reduce((n, f) => n + f.tracking.progress.length, 0),
    annotations: doc.annotations.length,
    linkedNotes: linkedNotes(store, doc).length,
    papers: store.index.papers.filter((p) => p.reportId === id).length,
    links: linksOf(store, doc).length,
    files: 1 + (doc.report.versions?.length ?? 0),
    supportingDocuments: store.allReportDocs().filter((other) => other.report.aboutReportId === id).length,
  };
}

/** Archives a report, marks it superseded by another, or makes it active again. */
export async function setReportStatus(store: Store, change: StatusChange, at = new Date().toISOString()): Promise<ReportDoc> {
  requireReport(store, change.id);
  if (change.status === 'superseded') {
    if (change.by === change.id) throw new AppError('invalid-input', 'A report cannot be superseded by itself; choose the report that takes its place.');
    const by = requireReport(store, change.by);
    if (by.report.status === 'superseded' && by.report.supersededBy === change.id) {
      throw new AppError('invalid-input', `“${by.report.title}” is itself marked as superseded by this report; make it active first.`);
    }
  }
  return store.updateReport(change.id, (draft) => {
    draft.report.status = change.status;
    draft.report.statusAt = at;
    draft.report.supersededBy = change.status === 'superseded' ? change.by : null;
    return draft;
  });
}

/**
 * Deletes a report with its findings, their tracking, its annotations, its papers and the links from its
 * findings. Linked notes are kept and lose the link; supporting documents about it are kept, unlinked. The
 * answer holds all of it, so an Undo can put it back while the report's files are still there (they are
 * deleted when the store closes).
 */
export async function deleteReport(store: Store, id: string): Promise<DeletedReport | null> {
  const doc = store.reportDoc(id);
  if (!doc) return null;
  const undo: DeletedReport = {
    doc: structuredClone(doc),
    papers: structuredClone(store.index.papers.filter((p) => p.reportId === id)),
    links: structuredClone(linksOf(store, doc)),
    notes: structuredClone(linkedNotes(store, doc)),
    supportingIds: store.allReportDocs().filter((other) => other.report.aboutReportId === id).map((other) => other.report.id),
  };
  await store.removeReport(id);
  const now = new Date().toISOString();
  for (const note of undo.notes) await store.putNote({ ...note, reportId: null, findingId: null, updatedAt: now });
  for (const other of undo.supportingIds) {
    await store.updateReport(other, (draft) => {
      draft.report.aboutReportId = null;
    });
  }
  return undo;
}

/** Puts back a report deleted in this session, with its papers, links, note links and supporting documents. */
export async function restoreDeletedReport(store: Store, deleted: DeletedReport): Promise<ReportDoc> {
  const { report } = deleted.doc;
  if (store.reportDoc(report.id)) throw new AppError('invalid-input', `“${report.title}” is in the store already.`);
  const [text, source] = await Promise.all([store.readText(report.sha256).catch(() => null), store.readSource(report.sha256).catch(() => null)]);
  if (!text || !source) {
    throw new AppError('not-found', `The file of “${report.title}” has been removed from the data folder since it was deleted; import it again.`);
  }
  const versions = [];
  for (const v of report.versions ?? []) {
    if (await store.readText(v.sha256).then(() => true, () => false)) versions.push(v);
  }
  const stored = await store.addReport({ ...deleted.doc, report: { ...report, versions } }, text, source);
  if (stored.duplicate) {
    throw new AppError('invalid-input', `The same file has been imported again since (as report ${stored.id}); open that one instead.`);
  }
  const findingIds = new Set(deleted.doc.findings.map((f) => f.id));
  const knownFinding = (id: string) => findingIds.has(id) || store.allReportDocs().some((d) => d.findings.some((f) => f.id === id));
  await store.updateIndex((index) => {
    const paperIds = new Set(index.papers.map((p) => p.id));
    index.papers.push(...deleted.papers.filter((p) => p.reportId === report.id && !paperIds.has(p.id)));
    const linkIds = new Set(index.links.map((l) => l.id));
    index.links.push(...deleted.links.filter((l) => !linkIds.has(l.id) && knownFinding(l.earlierId) && knownFinding(l.laterId)));
  });
  for (const note of deleted.notes) {
    const current = store.note(note.id);
    // A note deleted since stays deleted; one edited since keeps its words and gets its link back.
    if (!current) continue;
    // Only links to what is there again: the report, and a finding that exists.
    const findingId = note.findingId && knownFinding(note.findingId) ? note.findingId : null;
    const reportId = note.reportId && store.reportDoc(note.reportId) ? note.reportId : null;
    await store.putNote({ ...current, reportId, findingId });
  }
  for (const other of deleted.supportingIds) {
    if (store.reportDoc(other)?.report.aboutReportId === null) {
      await store.updateReport(other, (draft) => {
        draft.report.aboutReportId = report.id;
      });
    }
  }
  return requireReport(store, report.id);
}
