import { useEffect, useRef, useState } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { Note } from '../../../shared/domain/notes';
import { useAction, useQuery } from '../../hooks/data';
import { NoteEditor } from './NoteEditor';
import { useFocusReturn } from '../../hooks/useFocusReturn';
import { useWindowKeys } from '../../hooks/useWindowKeys';

/**
 * Ctrl+Shift+N from anywhere: a note is made at once (linked to the report open now, if any) so every
 * keystroke has somewhere to be saved; closing the dialog saves what was typed, and drops the note if
 * nothing was.
 */
export function QuickCapture({ reportId }: { reportId: string | null }) {
  const act = useAction();
  const [note, setNote] = useState<Note | null>(null);
  useFocusReturn(note !== null);
  const opening = useRef(false);
  const empty = useRef(true);
  const reports = useQuery('reports.list', {}, note !== null);
  const current = useRef(reportId);
  useEffect(() => {
    current.current = reportId;
  }, [reportId]);

  useWindowKeys(async (e) => {
    if (!(e.ctrlKey || e.metaKey) || !e.shiftKey || e.altKey || e.key.toLowerCase() !== 'n') return;
    e.preventDefault();
    if (opening.current) return;
    opening.current = true;
    const result = await act('notes.create', { text: '', tags: [], reportId: current.current });
    if (result.ok) {
      empty.current = true;
      setNote(result.value);
    }
    else opening.current = false;
  });

  const close = async () => {
    const made = note;
    setNote(null);
    opening.current = false;
    // Closing without a word typed leaves no empty note behind; anything typed was saved by the editor.
    if (made && empty.current) await act('notes.delete', { id: made.id });
  };

  return (
    <Dialog open={note !== null} onOpenChange={(_e, d) => !d.open && void close()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Quick note</DialogTitle>
          <DialogContent>{note && <NoteEditor note={note} reports={reports.data ?? []} autoFocus onEdit={(text, tags) => (empty.current = !text.trim() && tags.length === 0)} />}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => void close()}>
              Done
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
