import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/api/result';
import type { ProgressPaperDetail, ProgressPaperSummary } from '../../shared/api/progress-papers';
import type { PaperModel } from '../../shared/domain/paper-model';
import type { ProgressPaper } from '../../shared/domain/progress-paper';
import { applyWordingChanges } from '../../shared/domain/paper-overrides';
import { buildProgressPaper, inspectionName } from '../paper/build-progress-paper';
import type { Store } from '../store/repository';
import { todayIso } from '../tracking/periods';
import { referencesOf, trackedFindings } from './findings';

export function requireProgressPaper(store: Store, id: string): ProgressPaper {
  const paper = store.index.progressPapers.find((p) => p.id === id);
  if (!paper) throw new AppError('not-found', `There is no progress paper with id ${id}; it may have been deleted.`);
  return paper;
}

function requireReport(store: Store, reportId: string) {
  const doc = store.reportDoc(reportId);
  if (!doc) throw new AppError('not-found', `There is no report with id ${reportId}; it may have been deleted.`);
  if (doc.findings.length === 0) throw new AppError('invalid-input', `“${doc.report.title}” has no findings to report progress on.`);
  return doc.report;
}

/** The paper as it stands: the report's (or every report's) findings with today's RAG, the settings and the officer's wording. */
export function progressPaperModel(
  store: Store,
  reportId: string | null,
  paper: (Pick<ProgressPaper, 'title' | 'date' | 'paragraphs'> & Partial<Pick<ProgressPaper, 'overrideBases' | 'agendaItem'>>) | null,
  today = todayIso(),
): PaperModel {
  const report = reportId === null ? null : requireReport(store, reportId);
  const { findings, reports } = trackedFindings(store, today);
  return buildProgressPaper({ report, reports, findings, references: referencesOf(store), settings: store.index.settings, paper, today });
}

function about(store: Store, paper: ProgressPaper): string {
  if (paper.reportId === null) return 'Every open finding';
  const report = store.reportDoc(paper.reportId)?.report;
  return report ? inspectionName(report) : 'A deleted report';
}

export function progressPaperDetail(store: Store, paper: ProgressPaper): ProgressPaperDetail {
  return {
    paper,
    model: progressPaperModel(store, paper.reportId, paper),
    defaultTitle: progressPaperModel(store, paper.reportId, { ...paper, title: '' }).title,
    about: about(store, paper),
  };
}

export function progressPaperSummaries(store: Store): ProgressPaperSummary[] {
  return store.index.progressPapers
    .filter((p) => p.reportId === null || store.reportDoc(p.reportId))
    .map((p) => {
      const model = progressPaperModel(store, p.reportId, p);
      const editedCount = model.sections.flatMap((s) => s.paragraphs).filter((x) => x.origin === 'edited').length;
      return { id: p.id, reportId: p.reportId, about: about(store, p), title: model.title, date: p.date, editedCount, updatedAt: p.updatedAt };
    })
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export async function createProgressPaper(store: Store, reportId: string | null, now: Date): Promise<ProgressPaper> {
  if (reportId !== null) requireReport(store, reportId);
  const at = now.toISOString();
  const paper: ProgressPaper = { id: randomUUID(), reportId, title: '', date: todayIso(now), paragraphs: {}, createdAt: at, updatedAt: at };
  return store.updateIndex((index) => {
    index.progressPapers.push(paper);
    return paper;
  });
}

/** Applies the editor's changes; a paragraph set back to its default (or emptied) loses its override, as in the publication paper. */
export async function updateProgressPaper(
  store: Store,
  changes: { id: string; title?: string; date?: string; agendaItem?: string; paragraphs?: Record<string, string | null> },
  now: Date,
): Promise<ProgressPaperDetail> {
  const current = requireProgressPaper(store, changes.id);
  const next: ProgressPaper = { ...current, updatedAt: now.toISOString() };
  if (changes.date !== undefined) next.date = changes.date;
  if (changes.agendaItem !== undefined) next.agendaItem = changes.agendaItem;
  if (changes.title !== undefined) next.title = changes.title === progressPaperModel(store, next.reportId, { ...next, title: '' }).title ? '' : changes.title;
  if (changes.paragraphs !== undefined) {
    const defaults = new Map(
      progressPaperModel(store, next.reportId, { ...next, paragraphs: {} })
        .sections.flatMap((s) => s.paragraphs)
        .map((p) => [p.key, p.defaultText]),
    );
    const wording = applyWordingChanges({ paragraphs: current.paragraphs, bases: current.overrideBases }, changes.paragraphs, defaults);
    if (wording.unknown.length > 0) throw new AppError('invalid-input', `This paper has no paragraph ${wording.unknown[0]}.`);
    next.paragraphs = wording.paragraphs;
    next.overrideBases = wording.bases;
  }
  const saved = await store.updateIndex((index) => {
    const at = index.progressPapers.findIndex((p) => p.id === changes.id);
    if (at < 0) throw new AppError('not-found', `There is no progress paper with id ${changes.id}; it may have been deleted.`);
    index.progressPapers[at] = next;
    return next;
  });
  return progressPaperDetail(store, saved);
}

export async function deleteProgressPaper(store: Store, id: string): Promise<{ deleted: boolean }> {
  if (!store.index.progressPapers.some((p) => p.id === id)) return { deleted: false };
  return store.updateIndex((index) => {
    index.progressPapers = index.progressPapers.filter((p) => p.id !== id);
    return { deleted: true };
  });
}
