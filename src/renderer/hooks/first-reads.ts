import { newQueryClient, readKey } from './query-client';

/**
 * The window's one cache of answers. Made before React and Fluent UI are evaluated, so the first
 * screen's reads (the status bar and the reports list) are already on their way while they are.
 */
export const queryClient = newQueryClient();

void queryClient.prefetchQuery({ queryKey: readKey('app.status', {}) });
// The reports screen asks for every report (archived ones too, behind "Show all") and labels them from the same answer.
void queryClient.prefetchQuery({ queryKey: readKey('reports.list', { all: true }) });
