import type { Settings } from '../../shared/domain/paper';
import type { PaperHeader } from '../../shared/domain/paper-model';
import { dateInWords } from './dates';

/** The house header every paper carries: strapline, to, from, the date in words, and an agenda item if the officer gave one. */
export function paperHeader(settings: Settings, isoDate: string, agendaItem: string | undefined): PaperHeader {
  return {
    strapline: settings.strapline,
    to: settings.boardName,
    from: settings.author,
    date: dateInWords(isoDate),
    ...(agendaItem?.trim() ? { agendaItem: agendaItem.trim() } : {}),
  };
}
