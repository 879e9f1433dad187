import { valueOrThrow } from '../api/client';
import { earlyReads } from '../early-reads';
import { newQueryClient, readKey } from './query-client';

/** The window's one cache of answers, holding from the start the first screen's reads (see early-reads.ts). */
export const queryClient = newQueryClient();

const held = Promise.allSettled([
  queryClient.prefetchQuery({ queryKey: readKey('app.status', {}), queryFn: async () => valueOrThrow(await earlyReads.status) }),
  // The reports screen asks for every report (archived ones too, behind "Show all") and labels them from the same answer.
  queryClient.prefetchQuery({ queryKey: readKey('reports.list', { all: true }), queryFn: async () => valueOrThrow(await earlyReads.reports) }),
]);

/**
 * Settles when the first screen's answers are in the cache, or after `atMostMs`: the window is drawn then,
 * so its first drawing shows the reports rather than drawing the whole window twice, and a main process
 * slow to answer (the first start of a day on a large store) still gets a window at once.
 */
export function firstReadsHeld(atMostMs: number): Promise<unknown> {
  return Promise.race([held, new Promise((resolve) => setTimeout(resolve, atMostMs))]);
}
