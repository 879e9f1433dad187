import { createDispatcher, type Dispatch } from './api/dispatcher';
import type { ApiContext } from './api/context';
import { handlers } from './api/handlers';
import { Store, type OpenStoreOptions } from './store/repository';
import { samplesDir } from './paths';
import { APP_VERSION } from './version';
import { TeamHost } from './sync/host';
import type { PasswordVault } from './sync/config';

export interface AppCore {
  /** The live store: a restore replaces it (see ApiContext.reopenStore). */
  readonly store: Store;
  dispatch: Dispatch;
  team: TeamHost;
  close(): Promise<void>;
}

/** Opens the store and builds the dispatcher; the same for the desktop app, the browser host and tests. */
export async function openAppCore(
  dataDir: string,
  context: Pick<ApiContext, 'transport' | 'saveFile'> & Partial<Pick<ApiContext, 'samplesDir'>> & { passwordVault?: PasswordVault; startTeam?: boolean },
  storeOptions: OpenStoreOptions = {},
): Promise<AppCore> {
  const { passwordVault, startTeam, ...rest } = context;
  const store = await Store.open(dataDir, storeOptions);
  const ctx: ApiContext = {
    store,
    team: new TeamHost(() => ctx.store, dataDir, passwordVault),
    version: APP_VERSION,
    samplesDir: context.samplesDir ?? samplesDir(),
    ...rest,
    async reopenStore(work) {
      await ctx.team.suspend();
      await ctx.store.close();
      try {
        return await work(dataDir);
      } finally {
        ctx.store = await Store.open(dataDir, storeOptions);
      }
    },
  };
  // Team working resumes in the background: the first screen never waits for the server.
  if (startTeam && !storeOptions.readOnly) void ctx.team.start().catch(() => undefined);
  return {
    get store() {
      return ctx.store;
    },
    dispatch: createDispatcher(handlers, ctx),
    team: ctx.team,
    close: async () => {
      await ctx.team.close();
      await ctx.store.close();
    },
  };
}
