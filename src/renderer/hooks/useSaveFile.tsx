import { useCallback } from 'react';
import { Toast, ToastBody, ToastTitle, useToastController } from '@fluentui/react-components';
import type { CallInput } from '../../shared/api/contract';
import type { SaveOutcome } from '../../shared/api/files';
import { finishSave } from '../api/files';
import { TOASTER_ID, useAction } from './data';

type FileCall = 'reminders.exportCalendar' | 'requests.create' | 'annotations.export' | 'papers.export' | 'progressPapers.export' | 'register.export';

/** Runs a call that makes a file and completes the save: main's dialog on the desktop, a download in the browser. */
export function useSaveFile() {
  const act = useAction();
  const { dispatchToast } = useToastController(TOASTER_ID);
  return useCallback(
    async <K extends FileCall>(name: K, input: CallInput<K>, done: string): Promise<string | null> => {
      const result = await act(name, input);
      if (!result.ok) return null;
      const where = finishSave(result.value as SaveOutcome);
      if (where) {
        dispatchToast(
          <Toast>
            <ToastTitle>{done}</ToastTitle>
            <ToastBody>{where}</ToastBody>
          </Toast>,
          { intent: 'success', timeout: 4000 },
        );
      }
      return where;
    },
    [act, dispatchToast],
  );
}
