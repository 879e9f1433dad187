import type { noteCalls } from '../../../shared/api/notes';
import type { HandlersFor } from '../handler-types';
import { createNote, deleteNote, listNotes, noteTags, restoreNote, updateNote } from '../../services/notes';

export const noteHandlers: HandlersFor<typeof noteCalls> = {
  'notes.list': async (filter, { store }) => listNotes(store, filter),
  'notes.tags': async (_input, { store }) => noteTags(store),
  'notes.create': async (input, { store }) => createNote(store, input),
  'notes.update': async (changes, { store }) => updateNote(store, changes),
  'notes.delete': async ({ id }, { store }) => deleteNote(store, id),
  'notes.restore': async ({ note }, { store }) => restoreNote(store, note),
};
