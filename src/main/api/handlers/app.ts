import type { appCalls } from '../../../shared/api/app';
import type { HandlersFor } from '../handler-types';

export const appHandlers: HandlersFor<typeof appCalls> = {
  'app.status': async ({ whenLoaded }, { store, transport, version }) => {
    // A failed load is reported by the calls that need the files; the status still answers.
    if (whenLoaded) await store.ready.catch(() => undefined);
    return {
      version,
      dataDir: store.layout.dir,
      lastSavedAt: store.lastSavedAt,
      recovered: store.recovered,
      transport,
      encryption: store.encryption,
    };
  },
};
