import { useCallback } from 'react';
import { Toast, ToastTitle, useToastController } from '@fluentui/react-components';
import { TOASTER_ID } from '../../hooks/data';

/** Tells the officer what an action did, where every confirmation appears. */
export function useNotice() {
  const { dispatchToast } = useToastController(TOASTER_ID);
  return useCallback(
    (message: string) =>
      dispatchToast(
        <Toast>
          <ToastTitle>{message}</ToastTitle>
        </Toast>,
        { intent: 'success', timeout: 4000 },
      ),
    [dispatchToast],
  );
}
