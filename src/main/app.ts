import { createDispatcher, type Dispatch } from './api/dispatcher';
import type { ApiContext } from './api/context';
import { handlers } from './api/handlers';
import { Store, type OpenStoreOptions } from './store/repository';
import { samplesDir } from './paths';
import { APP_VERSION } from './version';

export interface AppCore {
  /** The live store: a restore replaces it (see ApiContext.reopenStore). */
  readonly store: Store;
  dispatch: Dispatch;
  close(): Promise<void>;
}

/** Opens the store and builds the dispatcher; the same for the desktop app, the browser host and tests. */
export async function openAppCore(
  dataDir: string,
  context: Pick<ApiContext, 'transport' | 'saveFile'> & Partial<Pick<ApiContext, 'samplesDir' | 'openFile' | 'notify'>>,
  storeOptions: OpenStoreOptions = {},
): Promise<AppCore> {
  const ctx: ApiContext = {
    store: await Store.open(dataDir, storeOptions),
    version: APP_VERSION,
    samplesDir: context.samplesDir ?? samplesDir(),
    ...context,
    async reopenStore(work) {
      await ctx.store.close();
      try {
        return await work(dataDir);
      } finally {
        ctx.store = await Store.open(dataDir, storeOptions);
      }
    },
  };
  return {
    get store() {
      return ctx.store;
    },
    dispatch: createDispatcher(handlers, ctx),
    close: () => ctx.store.close(),
  };
}
