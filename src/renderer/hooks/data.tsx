import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { keepPreviousData, QueryClientProvider, useQueries, useQuery as useCachedQuery } from '@tanstack/react-query';
import { Button, useToastController, Toast, ToastTitle, ToastBody } from '@fluentui/react-components';
import type { CallInput, CallName, CallOutput } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import { call } from '../api/client';
import type { Write } from './freshness';
import { applyWrite, invalidateAll, newQueryClient, readKey } from './query-client';

export const TOASTER_ID = 'app-toaster';

interface DataState {
  lastSavedAt: Date | null;
  /**
   * Tells the window a write succeeded (for writes sent without useAction, such as the note autosave):
   * with the write, only what it touched is refreshed; without, everything on screen is read again.
   */
  changed: (write?: Write) => void;
}

const DataContext = createContext<DataState>({ lastSavedAt: null, changed: () => undefined });

/** The window's cache of answers from main, and when it last saved. */
export function DataProvider({ children, client }: { children: ReactNode; client?: ReturnType<typeof newQueryClient> }) {
  const [queryClient] = useState(() => client ?? newQueryClient());
  const [lastSavedAt, setLastSavedAt] = useState<Date | null>(null);
  const changed = useCallback(
    (write?: Write) => {
      if (write) void applyWrite(queryClient, write);
      else invalidateAll(queryClient);
      setLastSavedAt(new Date());
    },
    [queryClient],
  );
  const value = useMemo(() => ({ lastSavedAt, changed }), [lastSavedAt, changed]);
  return (
    <QueryClientProvider client={queryClient}>
      <DataContext.Provider value={value}>{children}</DataContext.Provider>
    </QueryClientProvider>
  );
}

export const useDataState = () => useContext(DataContext);

export interface Query<T> {
  data: T | undefined;
  error: string | null;
  /** A read is on its way (the first, or a refresh after a write). */
  loading: boolean;
  reload: () => void;
}

/**
 * Reads from main, keyed by the call and its input, and reads again only when a write touched what the
 * answer depends on (see freshness.ts). While a new input's answer is on its way the previous one stays.
 */
export function useQuery<K extends CallName>(name: K, input: CallInput<K>, enabled = true): Query<CallOutput<K>> {
  const query = useCachedQuery<unknown, Error, CallOutput<K>>({ queryKey: readKey(name, input), enabled, placeholderData: keepPreviousData });
  const { refetch } = query;
  return {
    data: query.data,
    error: query.error ? query.error.message : null,
    loading: query.isFetching,
    reload: useCallback(() => void refetch(), [refetch]),
  };
}

/** Several reads of one call at once (the register's windows), each cached on its own; no stand-in answers. */
export function useQueryList<K extends CallName>(name: K, inputs: readonly CallInput<K>[], enabled = true): Array<Query<CallOutput<K>>> {
  return useQueries({
    queries: inputs.map((input) => ({ queryKey: readKey(name, input), enabled })),
    combine: (results) =>
      results.map((query) => ({
        data: query.data as CallOutput<K> | undefined,
        error: query.error ? query.error.message : null,
        loading: query.isFetching,
        reload: () => void query.refetch(),
      })),
  });
}

/** The error toast still up for each kind of action (a call's name), so the action's next success takes it away. */
const errorShown = new Map<string, string>();
let errorCount = 0;

/**
 * Shows the officer why something was not done, in the same place every failure appears. The toast has a
 * Dismiss button and goes by itself after a while; shown `about` an action, it also goes when that action
 * next succeeds, and a new failure of it replaces it rather than stacking (see useAction).
 */
export function useErrorToast() {
  const { dispatchToast, dismissToast } = useToastController(TOASTER_ID);
  return useCallback(
    (message: string, about?: string) => {
      const toastId = `error-${(errorCount += 1)}`;
      if (about) {
        const shown = errorShown.get(about);
        if (shown) dismissToast(shown);
        errorShown.set(about, toastId);
      }
      dispatchToast(
        <Toast>
          <ToastTitle
            action={
              <Button appearance="transparent" size="small" onClick={() => dismissToast(toastId)}>
                Dismiss
              </Button>
            }
          >
            Not done
          </ToastTitle>
          <ToastBody>{message}</ToastBody>
        </Toast>,
        { toastId, intent: 'error', timeout: 8000 },
      );
    },
    [dispatchToast, dismissToast],
  );
}

/** Takes away the error toast of an action once it has been done after all. */
export function useErrorCleared() {
  const { dismissToast } = useToastController(TOASTER_ID);
  return useCallback(
    (about: string) => {
      const shown = errorShown.get(about);
      if (!shown) return;
      errorShown.delete(about);
      dismissToast(shown);
    },
    [dismissToast],
  );
}

/**
 * Sends a change to main. Resolves with the result; on success the views showing what it changed
 * refresh (patched from its answer where it carries the changed item), on failure the officer sees
 * main's message (e.g. "Your change was not saved: the disk is full").
 */
export function useAction() {
  const { changed } = useDataState();
  const { dispatchToast } = useToastController(TOASTER_ID);
  const showError = useErrorToast();
  const cleared = useErrorCleared();
  return useCallback(
    async <K extends CallName>(name: K, input: CallInput<K>, success?: string | ((value: CallOutput<K>) => string)): Promise<Result<CallOutput<K>>> => {
      const result = await call(name, input);
      if (result.ok) {
        cleared(name);
        changed({ name, input, output: result.value });
        if (success) {
          dispatchToast(
            <Toast>
              <ToastTitle>{typeof success === 'function' ? success(result.value) : success}</ToastTitle>
            </Toast>,
            { intent: 'success', timeout: 3000 },
          );
        }
      } else {
        showError(result.error.message, name);
      }
      return result;
    },
    [changed, dispatchToast, showError, cleared],
  );
}

