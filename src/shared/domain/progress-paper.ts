import { z } from 'zod';
import { Id, IsoDate, IsoDateTime } from './ids';

/**
 * A progress paper in the store: an update to the board on progress against one inspection's findings
 * (reportId), or against every open finding (reportId null). As with the publication paper, only the
 * officer's own wording is kept; everything else is rebuilt from the tracking each time.
 */
export const ProgressPaper = z.object({
  id: Id,
  reportId: Id.nullable(),
  title: z.string(),
  date: IsoDate,
  paragraphs: z.record(z.string(), z.string()),
  /** For each paragraph in `paragraphs`, the derived text it was written against (to warn when the tracking changes). */
  overrideBases: z.record(z.string(), z.string()).optional(),
  /** The board's agenda item ("5.0"); absent or empty for none. */
  agendaItem: z.string().optional(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type ProgressPaper = z.infer<typeof ProgressPaper>;
