import type { appCalls } from '../../../shared/api/app';
import type { HandlersFor } from '../handler-types';

export const appHandlers: HandlersFor<typeof appCalls> = {
  'app.status': async (_input, { store, transport, version }) => ({
    version,
    dataDir: store.layout.dir,
    lastSavedAt: store.lastSavedAt,
    recovered: store.recovered,
    transport,
    encryption: store.encryption,
  }),
};
