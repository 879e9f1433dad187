import { markupToParagraph } from '../../../shared/domain/paper-markup';
import type { PaperModel } from '../../../shared/domain/paper-model';
import type { QuoteChoice } from '../../../shared/domain/paper';
import { formatDate } from '../../format';

/**
 * What the officer has typed and main may not have yet: the editable parts of a paper. `paragraphs` holds a
 * text for every paragraph written by the officer (2.1, 4.3 …) and for every derived one being overridden.
 */
export type PaperDraft = { title: string; date: string; agendaItem: string; quote: QuoteChoice; paragraphs: Record<string, string> };

/**
 * What the editor needs of a paper, publication or progress: the stored wording, the model main built from
 * it, and the title an empty one stands for.
 */
export interface EditablePaper {
  paper: { id: string; title: string; date: string; paragraphs: Record<string, string>; agendaItem?: string; quote?: QuoteChoice };
  model: PaperModel;
  defaultTitle: string;
}

export function draftOf(detail: EditablePaper): PaperDraft {
  const paragraphs: Record<string, string> = {};
  for (const p of detail.model.sections.flatMap((s) => s.paragraphs)) {
    const own = detail.paper.paragraphs[p.key];
    if (p.editable) paragraphs[p.key] = own ?? p.defaultText;
    else if (own !== undefined) paragraphs[p.key] = own;
  }
  return { title: detail.paper.title, date: detail.paper.date, agendaItem: detail.paper.agendaItem ?? '', quote: detail.paper.quote ?? 'auto', paragraphs };
}

/**
 * The model main built, with the draft laid over it, so the preview follows every key press; main rebuilds
 * the same thing once the edit is saved.
 */
export function previewModel(detail: EditablePaper, draft: PaperDraft): PaperModel {
  const { model } = detail;
  const agendaItem = draft.agendaItem.trim();
  const header = { ...model.header, date: /^\d{4}-\d{2}-\d{2}$/.test(draft.date) ? formatDate(draft.date) : model.header.date };
  if (agendaItem) header.agendaItem = agendaItem;
  else delete header.agendaItem;
  return {
    ...model,
    title: draft.title.trim() || detail.defaultTitle,
    header,
    sections: model.sections.map((section) => ({
      ...section,
      paragraphs: section.paragraphs.map((p) => {
        const text = draft.paragraphs[p.key];
        if (text === undefined) return p;
        const own = text.trim() !== '' && text !== p.defaultText;
        if (!own) return { ...p, ...markupToParagraph(p.defaultText, p.list), origin: p.editable ? 'default' : 'derived', stale: null };
        return { ...p, ...markupToParagraph(text, p.list), origin: 'edited' };
      }),
    })),
  };
}
