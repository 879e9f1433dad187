import { QueryClient, type QueryFunctionContext } from '@tanstack/react-query';
import type { CallInput, CallName } from '../../shared/api/contract';
import { callOrThrow } from '../api/client';
import { localToday } from '../format';
import type { Write } from './freshness';

/** A read's key in the cache: the call and its input, so the same read anywhere on screen is asked once. */
export type ReadKey = readonly [CallName, unknown];

export const readKey = <K extends CallName>(name: K, input: CallInput<K>): ReadKey => [name, input];

/** Every read asks main through the one client; an error value becomes the query's error (a CallError with its code). */
function readFromMain({ queryKey }: QueryFunctionContext): Promise<unknown> {
  const [name, input] = queryKey as unknown as ReadKey;
  return callOrThrow(name, input as CallInput<typeof name>);
}

/**
 * Main is the only writer and every write goes through this window's client, so an answer stays
 * fresh until a write says otherwise: no refetch on focus, on reconnect or after a time.
 */
export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        queryFn: readFromMain,
        staleTime: Infinity,
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
    },
  });
}

let freshness: Promise<typeof import('./freshness')> | undefined;

/**
 * The rules of what a write makes stale (freshness.ts) read the whole contract, whose schemas take a while to
 * build: they are loaded once the first screen is drawn (main.tsx), never in its way, and at the latest by the
 * first write.
 */
export const loadFreshness = () => (freshness ??= import('./freshness'));

/**
 * Brings the cache up to date after a successful write: patches what the write's answer covers and
 * reads again, from main, only the reads the write made stale (those on screen at once, the others
 * when they are next shown).
 */
export async function applyWrite(client: QueryClient, write: Write): Promise<void> {
  const { effectOf } = await loadFreshness();
  const today = localToday();
  for (const query of client.getQueryCache().getAll()) {
    const [name, input] = query.queryKey as unknown as ReadKey;
    const effect = effectOf(write, { name, input, data: query.state.data }, today);
    if (!effect) continue;
    if (effect.data !== undefined) client.setQueryData(query.queryKey, effect.data);
    // A read already on its way left main before this write: its answer would undo the patch.
    if (effect.refetch || query.state.fetchStatus === 'fetching') void client.invalidateQueries({ queryKey: query.queryKey, exact: true });
  }
}

/** After a write whose effects are unknown (a restore, say): everything is read again. */
export function invalidateAll(client: QueryClient): void {
  void client.invalidateQueries();
}
