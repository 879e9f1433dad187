import type { SaveOutcome } from '../../shared/api/files';
import type { Store } from '../store/repository';
import type { TeamHost } from '../sync/host';

/** What a handler may use: the store and the few things that differ between the desktop app and the browser host. */
export interface ApiContext {
  store: Store;
  transport: 'ipc' | 'http';
  version: string;
  samplesDir: string;
  /** Desktop: a save dialog opened by main, then an atomic write. Browser host: the bytes go back for download. */
  saveFile(suggestedName: string, mimeType: string, bytes: Uint8Array): Promise<SaveOutcome>;
  /**
   * Closes the store, runs `work` on the data folder (which it may replace wholesale, as a restore
   * does), then opens the store again and makes `store` above the new one, whether `work` succeeded or not.
   */
  reopenStore<T>(work: (dataDir: string) => Promise<T>): Promise<T>;
  /** Team working (sync with the team's CouchDB database). */
  team: TeamHost;
}
