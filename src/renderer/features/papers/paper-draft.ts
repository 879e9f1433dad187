import { markupToRuns } from '../../../shared/domain/paper-markup';
import type { PaperModel } from '../../../shared/domain/paper-model';
import type { PaperDetail } from '../../../shared/api/papers';
import { formatDate } from '../../format';

/** What the officer has typed and main may not have yet: the editable parts of a paper. */
export type PaperDraft = { title: string; date: string; paragraphs: Record<string, string> };

export function draftOf(detail: PaperDetail): PaperDraft {
  const paragraphs: Record<string, string> = {};
  for (const p of detail.model.sections.flatMap((s) => s.paragraphs)) {
    if (p.editable) paragraphs[p.key] = detail.paper.paragraphs[p.key] ?? p.defaultText;
  }
  return { title: detail.paper.title, date: detail.paper.date, paragraphs };
}

/**
 * The model main built, with the draft laid over it, so the preview follows every key press; main rebuilds
 * the same thing once the edit is saved.
 */
export function previewModel(detail: PaperDetail, draft: PaperDraft): PaperModel {
  const { model } = detail;
  return {
    ...model,
    title: draft.title.trim() || detail.defaultTitle,
    header: { ...model.header, date: /^\d{4}-\d{2}-\d{2}$/.test(draft.date) ? formatDate(draft.date) : model.header.date },
    sections: model.sections.map((section) => ({
      ...section,
      paragraphs: section.paragraphs.map((p) => {
        const text = draft.paragraphs[p.key];
        if (!p.editable || text === undefined) return p;
        const own = text.trim() !== '' && text !== p.defaultText;
        return { ...p, runs: markupToRuns(own ? text : p.defaultText), origin: own ? 'edited' : 'default' };
      }),
    })),
  };
}
