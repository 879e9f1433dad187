import { z } from 'zod';
import { read, write } from './define';
import { SaveOutcome } from './files';
import { Id, IsoDate, IsoDateTime } from '../domain/ids';
import { PaperModel } from '../domain/paper-model';
import { ProgressPaper } from '../domain/progress-paper';

export const ProgressPaperSummary = z.object({
  id: Id,
  reportId: Id.nullable(),
  /** The inspection it reports on, or "Every open finding". */
  about: z.string(),
  title: z.string(),
  date: IsoDate,
  editedCount: z.number().int().nonnegative(),
  updatedAt: IsoDateTime,
});
export type ProgressPaperSummary = z.infer<typeof ProgressPaperSummary>;

export const ProgressPaperDetail = z.object({
  paper: ProgressPaper,
  model: PaperModel,
  defaultTitle: z.string(),
  about: z.string(),
});
export type ProgressPaperDetail = z.infer<typeof ProgressPaperDetail>;

const ParagraphKey = z.string().regex(/^\d+\.\d+$/, 'a paragraph key is a number like 4.3');

export const ProgressPaperChanges = z.object({
  id: Id,
  title: z.string().trim().max(500).optional(),
  date: IsoDate.optional(),
  /** Overrides in the editor's markup; null, empty or the default wording removes one. */
  paragraphs: z.record(ParagraphKey, z.string().max(20_000).nullable()).optional(),
  /** The board's agenda item, e.g. "5.0"; empty for none. */
  agendaItem: z.string().trim().max(20).optional(),
});

const Ref = z.object({ id: Id });

/** The progress paper: progress against an inspection's findings (or every open one) in the house format. */
export const progressPaperCalls = {
  'progressPapers.list': read(z.object({}), z.array(ProgressPaperSummary), ['papers', 'reports']),
  'progressPapers.create': write(z.object({ reportId: Id.nullable() }), ProgressPaper, ['papers']),
  'progressPapers.get': read(Ref, ProgressPaperDetail, ['papers', 'reports', 'findings', 'links', 'settings']),
  'progressPapers.update': write(ProgressPaperChanges, ProgressPaperDetail, ['papers']),
  'progressPapers.delete': write(Ref, z.object({ deleted: z.boolean() }), ['papers']),
  'progressPapers.export': write(Ref, SaveOutcome, []),
};
