import { z } from 'zod';
import { read, write } from './define';
import { NoteText, Tags } from './tags';
import { Id } from '../domain/ids';
import { Note } from '../domain/notes';

export const NoteFilter = z.object({
  reportId: Id.optional(),
  findingId: Id.optional(),
  /** Notes carrying this tag (ignoring case). */
  tag: z.string().trim().max(60).optional(),
  /** Words found in the note or its tags (ignoring case). */
  text: z.string().trim().max(500).optional(),
  /** The newest this many; all when absent. */
  limit: z.number().int().positive().max(100_000).optional(),
});
export type NoteFilter = z.infer<typeof NoteFilter>;

const Question = z.string().trim().max(1000).nullable();

export const NewNote = z.object({
  text: NoteText.default(''),
  tags: Tags.default([]),
  reportId: Id.nullable().default(null),
  question: Question.default(null),
  findingId: Id.nullable().default(null),
});
export type NewNote = z.input<typeof NewNote>;

export const NoteChanges = z.object({
  id: Id,
  text: NoteText.optional(),
  tags: Tags.optional(),
  reportId: Id.nullable().optional(),
  question: Question.optional(),
  findingId: Id.nullable().optional(),
});
export type NoteChanges = z.input<typeof NoteChanges>;

export const noteCalls = {
  /** Newest first. */
  'notes.list': read(NoteFilter, z.array(Note), ['notes']),
  /** Every tag the notes carry, each once (ignoring case), in alphabetical order. */
  'notes.tags': read(z.object({}), z.array(z.string()), ['notes']),
  'notes.create': write(NewNote, Note, ['notes']),
  'notes.update': write(NoteChanges, Note, ['notes']),
  /** Returns what was deleted, so the UI can offer Undo (notes.restore). */
  'notes.delete': write(z.object({ id: Id }), Note, ['notes']),
  'notes.restore': write(z.object({ note: Note }), Note, ['notes']),
};
