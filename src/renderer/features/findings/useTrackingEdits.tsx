import { useCallback, useRef, useState } from 'react';
import { Link, Toast, ToastTitle, ToastTrigger, useToastController } from '@fluentui/react-components';
import type { TrackingChanges } from '../../../shared/api/findings';
import type { Finding } from '../../../shared/domain/finding';
import { TOASTER_ID, useAction } from '../../hooks/data';

type Edit = { id: string; previous: TrackingChanges; label: string };

/**
 * Tracking edits with undo of the last one: undoing sends the fields' previous values back through
 * findings.update, so the undo is itself recorded in the finding's history.
 */
export function useTrackingEdits() {
  const act = useAction();
  const { dispatchToast } = useToastController(TOASTER_ID);
  const [last, setLast] = useState<Edit | null>(null);
  const lastRef = useRef<Edit | null>(null);

  const remember = (edit: Edit | null) => {
    lastRef.current = edit;
    setLast(edit);
  };

  const undo = useCallback(async () => {
    const edit = lastRef.current;
    if (!edit) return;
    const result = await act('findings.update', { id: edit.id, ...edit.previous }, `Undone: ${edit.label.toLowerCase()}`);
    if (result.ok && lastRef.current === edit) remember(null);
  }, [act]);

  const update = useCallback(
    async (finding: Finding, changes: TrackingChanges, label: string): Promise<boolean> => {
      // The RAG main sends is the one that applies; undoing puts back the officer's own rating, or none.
      const before = (key: keyof TrackingChanges) => (key === 'rag' && finding.tracking.ragSource === 'derived' ? null : finding.tracking[key]);
      const previous = Object.fromEntries((Object.keys(changes) as Array<keyof TrackingChanges>).map((key) => [key, before(key)])) as TrackingChanges;
      const result = await act('findings.update', { id: finding.id, ...changes });
      if (!result.ok) return false;
      remember({ id: finding.id, previous, label });
      dispatchToast(
        <Toast>
          <ToastTitle
            action={
              <ToastTrigger>
                <Link onClick={() => void undo()}>Undo</Link>
              </ToastTrigger>
            }
          >
            {label}
          </ToastTitle>
        </Toast>,
        { intent: 'success', timeout: 4000 },
      );
      return true;
    },
    [act, dispatchToast, undo],
  );

  return { update, undo, last };
}

export type TrackingEdits = ReturnType<typeof useTrackingEdits>;
