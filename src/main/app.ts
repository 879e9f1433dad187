import { createDispatcher, type Dispatch } from './api/dispatcher';
import type { ApiContext } from './api/context';
import { firstScreenHandlers } from './api/handlers/first-screen';
import { Store, type OpenStoreOptions } from './store/repository';
import { samplesDir } from './paths';
import { reattachSources } from './services/reattach-sources';
import { APP_VERSION } from './version';
import { TeamHost } from './sync/host';
import type { PasswordVault } from './sync/config';

export interface AppCore {
  /** The live store: a restore replaces it (see ApiContext.reopenStore). */
  readonly store: Store;
  dispatch: Dispatch;
  /** Settles once the first screen has its data (the first `reports.list` answered), or after FIRST_SCREEN_FALLBACK_MS. */
  firstScreen: Promise<void>;
  team: TeamHost;
  close(): Promise<void>;
}

/** Where no window asks for the first screen (the CLI), background work starts after this long anyway. */
const FIRST_SCREEN_FALLBACK_MS = 10_000;

/** Opens the store and builds the dispatcher; the same for the desktop app, the browser host and tests. */
export async function openAppCore(
  dataDir: string,
  context: Pick<ApiContext, 'transport' | 'saveFile'> &
    Partial<Pick<ApiContext, 'samplesDir' | 'openFile' | 'notify'>> & { passwordVault?: PasswordVault; startTeam?: boolean },
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
      const lock = (await ctx.store.closeKeepingLock()) ?? undefined;
      try {
        return await work(dataDir, lock);
      } finally {
        ctx.store = await Store.open(dataDir, { ...storeOptions, lock });
      }
    },
  };
  // The first screen's calls are answered before the modules of the others are even loaded.
  const inner = createDispatcher({ early: firstScreenHandlers, load: async () => (await import('./api/handlers')).handlers }, ctx);
  let shown: () => void = () => undefined;
  const firstScreen = new Promise<void>((resolve) => (shown = resolve));
  setTimeout(shown, FIRST_SCREEN_FALLBACK_MS).unref();
  const dispatch: Dispatch = async (name, input) => {
    const answer = await inner(name, input);
    if (name === 'reports.list') setImmediate(shown);
    return answer;
  };
  // The day's backup waits for the first screen and then runs in the background, in a worker (Store.backupNow);
  // so does reading again any source file no report names (services/reattach-sources.ts).
  if (!storeOptions.readOnly) {
    void firstScreen.then(async () => reattachSources(await ctx.store.ready.then(() => ctx.store))).catch((error: unknown) => console.error('Re-attaching source files failed:', error));
    void firstScreen.then(() => ctx.store.backupIfDue()).catch((error: unknown) => console.error('The daily backup failed:', error));
  }
  // Team working resumes in the background once every report is loaded (it compares all of them with the
  // team's database): the first screen never waits for the server.
  if (startTeam && !storeOptions.readOnly) void ctx.store.ready.then(() => ctx.team.start()).catch(() => undefined);
  return {
    get store() {
      return ctx.store;
    },
    dispatch,
    firstScreen,
    team: ctx.team,
    close: async () => {
      await ctx.team.close();
      await ctx.store.close();
    },
  };
}
