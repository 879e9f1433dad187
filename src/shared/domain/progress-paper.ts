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
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type ProgressPaper = z.infer<typeof ProgressPaper>;
