import { z } from 'zod';

/**
 * Where a passage sits in a document's extracted text: a character range, the PDF page it starts on
 * (null for formats without pages), and the quoted text so it can be found again if the text shifts.
 */
export const SourceAnchor = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  page: z.number().int().positive().nullable(),
  quote: z.string(),
});
export type SourceAnchor = z.infer<typeof SourceAnchor>;

/** A page's character range in the extracted text (PDF only). */
export const PageRange = z.object({
  page: z.number().int().positive(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type PageRange = z.infer<typeof PageRange>;
