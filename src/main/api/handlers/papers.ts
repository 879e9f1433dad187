import { randomUUID } from 'node:crypto';
import type { PaperDetail, paperCalls, PaperSummary } from '../../../shared/api/papers';
import { AppError } from '../../../shared/api/result';
import type { BoardPaper } from '../../../shared/domain/paper';
import type { PaperModel } from '../../../shared/domain/paper-model';
import {
  DOCX_MIME,
  paperDocx,
  paperModel,
  quoteOptions,
  registerXlsx,
  requireInspectionReport,
  safeFileName,
  XLSX_MIME,
} from '../../services/board-papers';
import { todayIso } from '../../tracking/periods';
import type { Store } from '../../store/repository';
import type { HandlersFor } from '../handler-types';
import { applyWordingChanges } from '../../../shared/domain/paper-overrides';

function requirePaper(store: Store, id: string): BoardPaper {
  const paper = store.index.papers.find((p) => p.id === id);
  if (!paper) throw new AppError('not-found', `There is no board paper with id ${id}; it may have been deleted.`);
  return paper;
}

/** The title the paper would have with no title of its own. */
const derivedTitle = async (store: Store, paper: BoardPaper): Promise<string> => (await paperModel(store, paper.reportId, { ...paper, title: '' })).title;

async function detail(store: Store, paper: BoardPaper): Promise<PaperDetail> {
  const { id, title, force, period, published, webAddress } = requireInspectionReport(store, paper.reportId).report;
  return {
    paper,
    model: await paperModel(store, paper.reportId, paper),
    defaultTitle: await derivedTitle(store, paper),
    report: { id, title, force, period, published, webAddress },
    quoteOptions: await quoteOptions(store, paper.reportId),
  };
}

async function summary(store: Store, paper: BoardPaper): Promise<PaperSummary> {
  const model = await paperModel(store, paper.reportId, paper);
  const edited = model.sections.flatMap((s) => s.paragraphs).filter((p) => p.origin === 'edited').length;
  const { id, reportId, date, createdAt, updatedAt } = paper;
  const reportTitle = store.reportDoc(reportId)?.report.title ?? '';
  return { id, reportId, reportTitle, title: model.title, date, editedCount: edited, createdAt, updatedAt };
}

/**
 * Applies paragraph overrides against the model's defaults (shared/domain/paper-overrides.ts): text equal to
 * the default (or empty, or null) removes the override, and each override kept remembers the derived text it
 * was written against.
 */
function applyParagraphs(current: BoardPaper, changes: Record<string, string | null>, model: PaperModel): Pick<BoardPaper, 'paragraphs' | 'overrideBases'> {
  const defaults = new Map(model.sections.flatMap((s) => s.paragraphs).map((p) => [p.key, p.defaultText]));
  const next = applyWordingChanges({ paragraphs: current.paragraphs, bases: current.overrideBases }, changes, defaults);
  if (next.unknown.length > 0) throw new AppError('invalid-input', `This paper has no paragraph ${next.unknown[0]}.`);
  return { paragraphs: next.paragraphs, overrideBases: next.bases };
}

export const paperHandlers: HandlersFor<typeof paperCalls> = {
  'papers.list': async (_input, { store }) => {
    const papers = store.index.papers.filter((p) => store.reportDoc(p.reportId));
    const summaries = await Promise.all(papers.map((p) => summary(store, p)));
    return summaries.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  },

  'papers.create': async ({ reportId }, { store }) => {
    requireInspectionReport(store, reportId);
    const now = new Date().toISOString();
    const paper: BoardPaper = { id: randomUUID(), reportId, title: '', date: todayIso(), paragraphs: {}, createdAt: now, updatedAt: now };
    return store.updateIndex((index) => {
      index.papers.push(paper);
      return paper;
    });
  },

  'papers.get': async ({ id }, { store }) => detail(store, requirePaper(store, id)),

  'papers.update': async ({ id, title, date, paragraphs, agendaItem, quote }, { store }) => {
    const current = requirePaper(store, id);
    const next: BoardPaper = { ...current, updatedAt: new Date().toISOString() };
    if (date !== undefined) next.date = date;
    if (agendaItem !== undefined) next.agendaItem = agendaItem;
    if (quote !== undefined) next.quote = quote;
    if (title !== undefined) next.title = title === (await derivedTitle(store, next)) ? '' : title;
    if (paragraphs !== undefined) {
      Object.assign(next, applyParagraphs(current, paragraphs, await paperModel(store, next.reportId, { ...next, paragraphs: {} })));
    }
    const saved = await store.updateIndex((index) => {
      const at = index.papers.findIndex((p) => p.id === id);
      if (at < 0) throw new AppError('not-found', `There is no board paper with id ${id}; it may have been deleted.`);
      index.papers[at] = next;
      return next;
    });
    return detail(store, saved);
  },

  'papers.duplicate': async ({ id }, { store }) => {
    const original = requirePaper(store, id);
    const { title } = await paperModel(store, original.reportId, original);
    const now = new Date().toISOString();
    const copy: BoardPaper = { ...structuredClone(original), id: randomUUID(), title: `${title} (copy)`, createdAt: now, updatedAt: now };
    return store.updateIndex((index) => {
      index.papers.push(copy);
      return copy;
    });
  },

  'papers.delete': async ({ id }, { store }) => {
    if (!store.index.papers.some((p) => p.id === id)) return { deleted: false };
    return store.updateIndex((index) => {
      index.papers = index.papers.filter((p) => p.id !== id);
      return { deleted: true };
    });
  },

  'papers.export': async ({ id }, { store, saveFile }) => {
    const paper = requirePaper(store, id);
    const model = await paperModel(store, paper.reportId, paper);
    return saveFile(safeFileName(model.title, 'docx'), DOCX_MIME, await paperDocx(store, model));
  },

  'register.export': async ({ filter }, { store, saveFile }) =>
    saveFile(`Findings register ${todayIso()}.xlsx`, XLSX_MIME, await registerXlsx(store, filter)),
};
