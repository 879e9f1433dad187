import { call } from './api/client';

/**
 * The first screen's reads (the status bar's and the reports list's), sent before React, Fluent UI and the
 * app are evaluated: this module and the client are a chunk of their own, the first the window runs
 * (electron.vite.config.ts), so the answers are on their way while the rest of the script is read.
 * hooks/first-reads.ts hands them to the cache.
 */
export const earlyReads = {
  status: call('app.status', {}),
  reports: call('reports.list', { all: true }),
};
