import { z } from 'zod';
import { Annotation, BoardPaper, Finding, FindingLink, Id, Note, Report, ReportText, Settings } from '../../shared/domain';

/** The store's on-disk format version; bump it with a migration in migrations.ts. */
export const SCHEMA_VERSION = 1;

/** The small file read first: which reports exist, settings, papers and links between findings. */
export const IndexDoc = z.object({
  schemaVersion: z.number().int().positive(),
  reportIds: z.array(Id),
  settings: Settings,
  papers: z.array(BoardPaper),
  links: z.array(FindingLink),
  /**
   * Whether the documents that change are encrypted at rest (Store.setEncryption). Kept out of
   * `settings` so a settings save cannot flip it without the files being rewritten.
   */
  encryptAtRest: z.boolean().optional(),
});
export type IndexDoc = z.infer<typeof IndexDoc>;

/** One file per report: what was extracted, its findings with their tracking, and its annotations. */
export const ReportDoc = z.object({
  report: Report,
  findings: z.array(Finding),
  annotations: z.array(Annotation),
});
export type ReportDoc = z.infer<typeof ReportDoc>;

/** Fieldwork notes, spread over a fixed number of files by id so a save rewrites only a few hundred notes. */
export const NotesShard = z.object({ notes: z.array(Note) });
export type NotesShard = z.infer<typeof NotesShard>;

export const TextDoc = ReportText;
export type TextDoc = ReportText;
