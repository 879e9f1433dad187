import type { progressPaperCalls } from '../../../shared/api/progress-papers';
import type { HandlersFor } from '../handler-types';
import { DOCX_MIME, paperDocx, safeFileName } from '../../services/board-papers';
import {
  createProgressPaper,
  deleteProgressPaper,
  progressPaperDetail,
  progressPaperModel,
  progressPaperSummaries,
  requireProgressPaper,
  updateProgressPaper,
} from '../../services/progress-papers';

export const progressPaperHandlers: HandlersFor<typeof progressPaperCalls> = {
  'progressPapers.list': async (_input, { store }) => progressPaperSummaries(store),
  'progressPapers.create': async ({ reportId }, { store }) => createProgressPaper(store, reportId, new Date()),
  'progressPapers.get': async ({ id }, { store }) => progressPaperDetail(store, requireProgressPaper(store, id)),
  'progressPapers.update': async (changes, { store }) => updateProgressPaper(store, changes, new Date()),
  'progressPapers.delete': async ({ id }, { store }) => deleteProgressPaper(store, id),
  'progressPapers.export': async ({ id }, { store, saveFile }) => {
    const paper = requireProgressPaper(store, id);
    const model = progressPaperModel(store, paper.reportId, paper);
    return saveFile(safeFileName(model.title, 'docx'), DOCX_MIME, await paperDocx(store, model));
  },
};
