import { z } from 'zod';
import { read } from './define';
import { Id } from '../domain/ids';

/** `text` is a passage of a report's text. */
export const SEARCH_KINDS = ['report', 'finding', 'annotation', 'note', 'text'] as const;
export const SearchKind = z.enum(SEARCH_KINDS);
export type SearchKind = z.infer<typeof SearchKind>;

export const SearchHit = z.object({
  kind: SearchKind,
  id: Id,
  /** The report the hit belongs to (a note may have none). */
  reportId: Id.nullable(),
  reportTitle: z.string().nullable(),
  title: z.string(),
  /** The passage around the first word that matched, with … where it was cut. */
  snippet: z.string(),
  /** For a hit inside a report's text: the passage (character offsets of the stored text) the reader opens at. */
  anchor: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).nullable().optional(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const searchCalls = {
  /**
   * Best matches first; the last word counts as a prefix, so results come as the officer types. Report
   * texts are searched too: up to a quarter of `limit` (at most 5) passages, after the other kinds.
   */
  'search.query': read(
    z.object({
      q: z.string().max(500),
      limit: z.number().int().min(1).max(200).default(20),
      kinds: z.array(SearchKind).optional(),
    }),
    z.array(SearchHit),
    ['reports', 'findings', 'annotations', 'notes'],
  ),
};
