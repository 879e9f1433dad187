import type { Handlers } from '../handler-types';
import { appHandlers } from './app';
import { listReports } from './report-list';
import { searchHandlers } from './search';

/**
 * The calls answered while the store loads (see the dispatcher), with only the modules they need. The
 * other handlers bring in the Word, Excel, PDF and DOCX libraries, whose loading (a second or more)
 * would otherwise come before the first screen; they load just after it (app.ts).
 */
export const firstScreenHandlers: Pick<Handlers, 'app.status' | 'reports.list' | 'search.query'> = {
  ...appHandlers,
  'reports.list': listReports,
  ...searchHandlers,
};
