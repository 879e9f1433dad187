import { valueOrThrow } from '../api/client';
import { earlyReads } from '../early-reads';
import { newQueryClient, readKey } from './query-client';

/** The window's one cache of answers, holding from the start the first screen's reads (see early-reads.ts). */
export const queryClient = newQueryClient();

/** The longest the first drawing waits for the first screen's answers; after that it draws without them. */
const MOST_WAIT_MS = 1_000;

/**
 * Resolves once the first screen's answers are in the cache (or after MOST_WAIT_MS): drawn with them, the
 * first frame shows the reports list, rather than an empty page drawn again a moment later.
 */
export const firstScreenRead: Promise<unknown> = Promise.race([
  Promise.all([
    queryClient.prefetchQuery({ queryKey: readKey('app.status', {}), queryFn: async () => valueOrThrow(await earlyReads.status) }),
    // The reports screen asks for every report (archived ones too, behind "Show all") and labels them from the same answer.
    queryClient.prefetchQuery({ queryKey: readKey('reports.list', { all: true }), queryFn: async () => valueOrThrow(await earlyReads.reports) }),
  ]),
  new Promise((resolve) => setTimeout(resolve, MOST_WAIT_MS)),
]);
