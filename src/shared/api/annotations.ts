import { z } from 'zod';
import { read, write } from './define';
import { SaveOutcome } from './files';
import { NoteText, Tags } from './tags';
import { Id } from '../domain/ids';
import { Annotation, Colour } from '../domain/notes';

/** An annotation with the title of its report, for lists that span reports. */
export const AnnotationListItem = Annotation.extend({ reportTitle: z.string() });
export type AnnotationListItem = z.infer<typeof AnnotationListItem>;

export const AnnotationFilter = z.object({
  reportId: Id.optional(),
  /** Annotations carrying this tag (ignoring case). */
  tag: z.string().trim().max(60).optional(),
  colour: Colour.optional(),
  /** Words found in the note, the quoted passage or the tags (ignoring case). */
  text: z.string().trim().max(500).optional(),
});
export type AnnotationFilter = z.infer<typeof AnnotationFilter>;

export const NewAnnotation = z.object({
  reportId: Id,
  /** The selection in the report's extracted text; main quotes the passage from its own copy. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  note: NoteText.default(''),
  tags: Tags.default([]),
  colour: Colour.default('yellow'),
});
export type NewAnnotation = z.input<typeof NewAnnotation>;

export const AnnotationChanges = z.object({
  id: Id,
  note: NoteText.optional(),
  tags: Tags.optional(),
  colour: Colour.optional(),
});

export const annotationCalls = {
  'annotations.list': read(AnnotationFilter, z.array(AnnotationListItem), ['annotations', 'reports']),
  'annotations.create': write(NewAnnotation, Annotation, ['annotations']),
  'annotations.update': write(AnnotationChanges, Annotation, ['annotations']),
  /** Returns what was deleted, so the UI can offer Undo (annotations.restore). */
  'annotations.delete': write(z.object({ id: Id }), Annotation, ['annotations']),
  'annotations.restore': write(z.object({ annotation: Annotation }), Annotation, ['annotations']),
  /** A report's annotations (quote, page, note, tags, colour, date) as .docx or .csv, saved through main. */
  'annotations.export': write(z.object({ reportId: Id, format: z.enum(['docx', 'csv']) }), SaveOutcome, []),
};
