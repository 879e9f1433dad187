import { useCallback, useEffect, useRef, useState } from 'react';
import type { NoteChanges } from '../../../shared/api/notes';
import { call, callWhileLeaving } from '../../api/client';
import { useDataState } from '../../hooks/data';

/** Typing pauses this long before the note is saved, so it is on disk within a second of the last key. */
export const AUTOSAVE_DELAY_MS = 400;

export type SaveState = 'saved' | 'pending' | 'saving' | 'failed';

type Changes = Omit<NoteChanges, 'id'>;

/**
 * Saves a note's edits as the officer types: after a short pause, at once on blur (flush), and as the
 * window closes (pagehide / beforeunload), so nothing typed is lost. Saves go one at a time, in order.
 */
export function useNoteAutosave(id: string) {
  const { changed } = useDataState();
  const pending = useRef<Changes | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const [state, setState] = useState<SaveState>('saved');
  const [problem, setProblem] = useState<string | null>(null);

  const flush = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const changes = pending.current;
    if (changes) {
      pending.current = null;
      chain.current = chain.current.then(async () => {
        setState('saving');
        const result = await call('notes.update', { id, ...changes });
        if (result.ok) {
          setProblem(null);
          setState(pending.current ? 'pending' : 'saved');
          changed({ name: 'notes.update', input: { id, ...changes }, output: result.value });
        } else {
          // Keep the edit so the next keystroke or blur tries again, merged under anything newer.
          pending.current = { ...changes, ...pending.current };
          setProblem(result.error.message);
          setState('failed');
        }
      });
    }
    return chain.current;
  }, [id, changed]);

  const update = useCallback(
    (changes: Changes) => {
      pending.current = { ...pending.current, ...changes };
      setState('pending');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  useEffect(() => {
    const leaving = () => {
      if (!pending.current) return;
      if (timer.current) clearTimeout(timer.current);
      callWhileLeaving('notes.update', { id, ...pending.current });
      pending.current = null;
    };
    window.addEventListener('pagehide', leaving);
    window.addEventListener('beforeunload', leaving);
    return () => {
      window.removeEventListener('pagehide', leaving);
      window.removeEventListener('beforeunload', leaving);
      // Leaving the page inside the app (navigation, dialog closed): save what is left.
      void flush();
    };
  }, [id, flush]);

  return { update, flush, state, problem };
}
