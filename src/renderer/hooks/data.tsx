import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { keepPreviousData, QueryClientProvider, useQueries, useQuery as useCachedQuery } from '@tanstack/react-query';
import { useToastController, Toast, ToastTitle, ToastBody } from '@fluentui/react-components';
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
      if (write) applyWrite(queryClient, write);
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
 * Sends a change to main. Resolves with the result; on success the views showing what it changed
 * refresh (patched from its answer where it carries the changed item), on failure the officer sees
 * main's message (e.g. "Your change was not saved: the disk is full").
 */
export function useAction() {
  const { changed } = useDataState();
  const { dispatchToast } = useToastController(TOASTER_ID);
  const showError = useErrorToast();
  return useCallback(
    async <K extends CallName>(name: K, input: CallInput<K>, success?: string | ((value: CallOutput<K>) => string)): Promise<Result<CallOutput<K>>> => {
      const result = await call(name, input);
      if (result.ok) {
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
        showError(result.error.message);
      }
      return result;
    },
    [changed, dispatchToast, showError],
  );
}

