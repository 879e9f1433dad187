import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { NewNote, NoteChanges, NoteFilter } from '../../shared/api/notes';
import { AppError } from '../../shared/api/result';
import type { Note } from '../../shared/domain/notes';
import type { Store } from '../store/repository';

/** A note may point only at things that exist, so a link never leads nowhere. */
function checkLinks(store: Store, reportId: string | null, findingId: string | null): void {
  if (reportId && !store.reportDoc(reportId)) {
    throw new AppError('not-found', `There is no report with id ${reportId}; it may have been deleted.`);
  }
  if (findingId && !store.findingReportId(findingId)) {
    throw new AppError('not-found', `There is no finding with id ${findingId}; it may have been removed.`);
  }
}

function requireNote(store: Store, id: string): Note {
  const note = store.note(id);
  if (!note) throw new AppError('not-found', `There is no note with id ${id}; it may have been deleted.`);
  return note;
}

const hasTag = (tags: readonly string[], tag: string) => tags.some((t) => t.toLowerCase() === tag.toLowerCase());

/** Newest first (by when the note was made), filtered. */
export function listNotes(store: Store, filter: NoteFilter): Note[] {
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const notes = store.allNotes().filter((n) => {
    if (filter.reportId && n.reportId !== filter.reportId) return false;
    if (filter.findingId && n.findingId !== filter.findingId) return false;
    if (filter.tag && !hasTag(n.tags, filter.tag)) return false;
    if (words.length) {
      const haystack = `${n.text}\n${n.tags.join(' ')}\n${n.question ?? ''}`.toLowerCase();
      if (!words.every((w) => haystack.includes(w))) return false;
    }
    return true;
  });
  notes.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  return filter.limit ? notes.slice(0, filter.limit) : notes;
}

/** Every tag in use, each once whatever its case (the first spelling met), sorted for a list. */
export function noteTags(store: Store): string[] {
  const tags = new Map<string, string>();
  for (const note of store.allNotes()) for (const tag of note.tags) if (!tags.has(tag.toLowerCase())) tags.set(tag.toLowerCase(), tag);
  return [...tags.values()].sort((a, b) => a.localeCompare(b, 'en-GB'));
}

export async function createNote(store: Store, input: z.output<typeof NewNote>, now = new Date()): Promise<Note> {
  checkLinks(store, input.reportId, input.findingId);
  const at = now.toISOString();
  const note: Note = { id: randomUUID(), ...input, createdAt: at, updatedAt: at };
  await store.putNote(note);
  return note;
}

export async function updateNote(store: Store, changes: z.output<typeof NoteChanges>, now = new Date()): Promise<Note> {
  const old = requireNote(store, changes.id);
  const next: Note = { ...old, updatedAt: now.toISOString() };
  if (changes.text !== undefined) next.text = changes.text;
  if (changes.tags !== undefined) next.tags = changes.tags;
  if (changes.reportId !== undefined) next.reportId = changes.reportId;
  if (changes.question !== undefined) next.question = changes.question;
  if (changes.findingId !== undefined) next.findingId = changes.findingId;
  checkLinks(store, next.reportId, next.findingId);
  await store.putNote(next);
  return next;
}

export async function deleteNote(store: Store, id: string): Promise<Note> {
  const note = requireNote(store, id);
  await store.removeNote(id);
  return note;
}

/** Puts back a deleted note (undo); a link to a report or finding deleted since is dropped rather than refused. */
export async function restoreNote(store: Store, note: Note): Promise<Note> {
  const restored: Note = {
    ...note,
    reportId: note.reportId && store.reportDoc(note.reportId) ? note.reportId : null,
    findingId: note.findingId && store.findingReportId(note.findingId) ? note.findingId : null,
  };
  await store.putNote(restored);
  return restored;
}
