import { Store } from '../../src/main/store/repository';
import { openSession } from '../../src/main/sync/session';
import type { SyncEngine } from '../../src/main/sync/engine';

/** One person's computer in the team tests: a data folder with its store and its sync engine. */
export class TeamClient {
  private constructor(
    readonly dir: string,
    readonly store: Store,
    readonly engine: SyncEngine,
  ) {}

  static async open(dir: string, remote: string, user: string, password: string, name = user): Promise<TeamClient> {
    const store = await Store.open(dir, { skipDailyBackup: true });
    if (store.index.settings.userName !== name) await store.updateIndex((d) => void (d.settings.userName = name));
    const url = new URL(remote);
    const database = url.pathname.slice(1);
    url.pathname = '/';
    const { engine } = await openSession(store, dir, { server: url.href, database, user, password }, { retryDelayMs: 200 });
    return new TeamClient(dir, store, engine);
  }

  sync() {
    return this.engine.syncOnce();
  }

  finding(id: string) {
    for (const doc of this.store.allReportDocs()) {
      const found = doc.findings.find((f) => f.id === id);
      if (found) return found;
    }
    return undefined;
  }

  async close(): Promise<void> {
    await this.engine.stop();
    await this.store.close();
  }
}
