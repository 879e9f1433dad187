import { z } from 'zod';
import { Id, IsoDateTime } from './ids';
import { SourceAnchor } from './anchor';

export const COLOURS = ['yellow', 'green', 'blue', 'pink', 'orange'] as const;
export const Colour = z.enum(COLOURS);
export type Colour = z.infer<typeof Colour>;

/** A passage of a report marked up by the officer; anchored by position and by quote with context. */
export const Annotation = z.object({
  id: Id,
  reportId: Id,
  anchor: SourceAnchor,
  prefix: z.string(),
  suffix: z.string(),
  note: z.string(),
  tags: z.array(z.string()),
  colour: Colour,
  /** Shared with the team (team working); private when absent. */
  shared: z.boolean().optional(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Annotation = z.infer<typeof Annotation>;

/** A fieldwork note, optionally linked to a report, a question or a finding. */
export const Note = z.object({
  id: Id,
  text: z.string(),
  tags: z.array(z.string()),
  reportId: Id.nullable(),
  question: z.string().nullable(),
  findingId: Id.nullable(),
  /** Shared with the team (team working); private when absent. */
  shared: z.boolean().optional(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Note = z.infer<typeof Note>;
