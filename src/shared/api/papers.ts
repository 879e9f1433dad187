import { z } from 'zod';
import { read, write } from './define';
import { SaveOutcome } from './files';
import { Id, IsoDate, IsoDateTime } from '../domain/ids';
import { BoardPaper, QuoteChoice } from '../domain/paper';
import { PaperModel } from '../domain/paper-model';
import { Report } from '../domain/report';
import { RegisterFilter } from '../domain/views';

export const PaperSummary = z.object({
  id: Id,
  reportId: Id,
  reportTitle: z.string(),
  /** As the paper shows it: the officer's title, else the one derived from the report. */
  title: z.string(),
  date: IsoDate,
  /** How many paragraphs hold the officer's own wording. */
  editedCount: z.number().int().nonnegative(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type PaperSummary = z.infer<typeof PaperSummary>;

/** The report a paper is about, with the web address its bibliography cites. */
export const PaperReport = Report.pick({ id: true, title: true, force: true, period: true, published: true, webAddress: true });
export type PaperReport = z.infer<typeof PaperReport>;

/** A quote 4.1 may carry, as the officer chooses it. */
export const QuoteOption = z.object({ value: QuoteChoice, label: z.string(), text: z.string() });
export type QuoteOption = z.infer<typeof QuoteOption>;

/** A stored paper with the paper it makes today: derived paragraphs are rebuilt from the report every time. */
export const PaperDetail = z.object({
  paper: BoardPaper,
  model: PaperModel,
  /** The title derived from the report, which an empty title stands for. */
  defaultTitle: z.string(),
  report: PaperReport,
  /** What 4.1 may quote besides the default and nothing. */
  quoteOptions: z.array(QuoteOption),
});
export type PaperDetail = z.infer<typeof PaperDetail>;

const ParagraphKey = z.string().regex(/^\d+\.\d+$/, 'a paragraph key is a number like 4.3');

export const PaperChanges = z.object({
  id: Id,
  /** An empty title, or the derived one, means the derived title. */
  title: z.string().trim().max(500).optional(),
  date: IsoDate.optional(),
  /**
   * Paragraph overrides in the editor's markup (**bold**, *italic*). null, an empty text or the paragraph's
   * default wording removes the override.
   */
  paragraphs: z.record(ParagraphKey, z.string().max(20_000).nullable()).optional(),
  /** The board's agenda item, e.g. "4.0"; empty for none. */
  agendaItem: z.string().trim().max(20).optional(),
  quote: QuoteChoice.optional(),
});
export type PaperChanges = z.input<typeof PaperChanges>;

const PaperRef = z.object({ id: Id });

export const paperCalls = {
  'papers.list': read(z.object({}), z.array(PaperSummary), ['papers', 'reports']),
  'papers.create': write(z.object({ reportId: Id }), BoardPaper, ['papers']),
  'papers.get': read(PaperRef, PaperDetail, ['papers', 'reports', 'findings', 'settings']),
  'papers.update': write(PaperChanges, PaperDetail, ['papers', 'reports']),
  'papers.duplicate': write(PaperRef, BoardPaper, ['papers']),
  'papers.delete': write(PaperRef, z.object({ deleted: z.boolean() }), ['papers']),
  // The exports write a file (through main's save dialog on the desktop), and no two are byte-identical.
  'papers.export': write(PaperRef, SaveOutcome, []),
  'register.export': write(z.object({ filter: RegisterFilter.optional() }), SaveOutcome, []),
};
