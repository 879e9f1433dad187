import { useCallback } from 'react';
import { Link, Toast, ToastTitle, useToastController } from '@fluentui/react-components';
import { TOASTER_ID } from '../../hooks/data';
import { pushUndo, undoEntry, type UndoEntry } from './undo-stack';

/**
 * Records a deletion as undoable and tells the officer, with an Undo action in the toast (Ctrl+Z does
 * the same from anywhere but a text field).
 */
export function useUndoable() {
  const { dispatchToast } = useToastController(TOASTER_ID);
  return useCallback(
    (entry: UndoEntry) => {
      pushUndo(entry);
      dispatchToast(
        <Toast>
          <ToastTitle
            action={
              <Link as="button" onClick={() => void undoEntry(entry)}>
                Undo
              </Link>
            }
          >
            {entry.label}
          </ToastTitle>
        </Toast>,
        { intent: 'success', timeout: 8000 },
      );
    },
    [dispatchToast],
  );
}
