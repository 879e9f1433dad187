import type { SaveOutcome } from '../../shared/api/files';
import type { Store } from '../store/repository';
import type { StoreLock } from '../store/lock';
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
   * The data folder's lock stays held throughout and is handed to `work`, so no other process can step in.
   */
  reopenStore<T>(work: (dataDir: string, lock: StoreLock | undefined) => Promise<T>): Promise<T>;
  /** Desktop only: opens a file in the system's own app (evidence). Absent elsewhere, where files are downloaded. */
  openFile?(fileName: string, bytes: Uint8Array): Promise<void>;
  /** Desktop only: a system notification with Open and Snooze, resolved with what the officer chose. */
  notify?(notice: { title: string; body: string }): Promise<'open' | 'snooze' | 'dismissed'>;
  /** Team working (sync with the team's CouchDB database). */
  team: TeamHost;
}
