import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useToastController, Toast, ToastTitle, ToastBody } from '@fluentui/react-components';
import type { CallInput, CallName, CallOutput } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import { call } from '../api/client';

export const TOASTER_ID = 'app-toaster';

interface DataState {
  /** Bumped after every successful write so every view re-reads what it shows. */
  version: number;
  lastSavedAt: Date | null;
  changed: () => void;
}

const DataContext = createContext<DataState>({ version: 0, lastSavedAt: null, changed: () => undefined });

export function DataProvider({ children }: { children: ReactNode }) {
  const [version, setVersion] = useState(0);
  const [lastSavedAt, setLastSavedAt] = useState<Date | null>(null);
  const changed = useCallback(() => {
    setVersion((v) => v + 1);
    setLastSavedAt(new Date());
  }, []);
  const value = useMemo(() => ({ version, lastSavedAt, changed }), [version, lastSavedAt, changed]);
  return <DataContext.Provider value={value}>{children}</DataContext.Provider>;
}

export const useDataState = () => useContext(DataContext);

export interface Query<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/** Reads from main and reads again whenever anything was saved. */
export function useQuery<K extends CallName>(name: K, input: CallInput<K>, enabled = true): Query<CallOutput<K>> {
  const { version } = useDataState();
  const [state, setState] = useState<{ data?: CallOutput<K>; error: string | null; loading: boolean }>({ error: null, loading: enabled });
  const [nonce, setNonce] = useState(0);
  const key = JSON.stringify(input);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    void call(name, JSON.parse(key) as CallInput<K>).then((result) => {
      if (!live) return;
      setState(result.ok ? { data: result.value, error: null, loading: false } : { data: undefined, error: result.error.message, loading: false });
    });
    return () => {
      live = false;
    };
  }, [name, key, version, nonce, enabled]);
  return { data: state.data, error: state.error, loading: state.loading, reload: () => setNonce((n) => n + 1) };
}

/** Shows the officer why something was not done, in the same place every failure appears. */
export function useErrorToast() {
  const { dispatchToast } = useToastController(TOASTER_ID);
  return useCallback(
    (message: string) =>
      dispatchToast(
        <Toast>
          <ToastTitle>Not done</ToastTitle>
          <ToastBody>{message}</ToastBody>
        </Toast>,
        { intent: 'error', timeout: 8000 },
      ),
    [dispatchToast],
  );
}

/**
 * Sends a change to main. Resolves with the result; on success every view refreshes, on failure the
 * officer sees main's message (e.g. "Your change was not saved: the disk is full").
 */
export function useAction() {
  const { changed } = useDataState();
  const { dispatchToast } = useToastController(TOASTER_ID);
  const showError = useErrorToast();
  return useCallback(
    async <K extends CallName>(name: K, input: CallInput<K>, success?: string | ((value: CallOutput<K>) => string)): Promise<Result<CallOutput<K>>> => {
      const result = await call(name, input);
      if (result.ok) {
        changed();
        if (success) {
          dispatchToast(
            <Toast>
              <ToastTitle>{typeof success === 'function' ? success(result.value) : success}</ToastTitle>
            </Toast>,
            { intent: 'success', timeout: 3000 },
          );
        }
      } else {
        showError(result.error.message);
      }
      return result;
    },
    [changed, dispatchToast, showError],
  );
}
