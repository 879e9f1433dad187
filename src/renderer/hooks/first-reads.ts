import { valueOrThrow } from '../api/client';
import { earlyReads } from '../early-reads';
import { newQueryClient, readKey } from './query-client';

/** The window's one cache of answers, holding from the start the first screen's reads (see early-reads.ts). */
export const queryClient = newQueryClient();

void queryClient.prefetchQuery({ queryKey: readKey('app.status', {}), queryFn: async () => valueOrThrow(await earlyReads.status) });
// The reports screen asks for every report (archived ones too, behind "Show all") and labels them from the same answer.
void queryClient.prefetchQuery({ queryKey: readKey('reports.list', { all: true }), queryFn: async () => valueOrThrow(await earlyReads.reports) });
