import type { KeptItemView, TeamPreview, TeamStatus } from '../../shared/api/sync';
import { AppError } from '../../shared/api/result';
import type { Finding } from '../../shared/domain/finding';
import type { Store } from '../store/repository';
import { memoryVault, readTeamConfig, vaultAccount, writeTeamConfig, type PasswordVault, type TeamConfig } from './config';
import type { SyncEngine } from './engine';
import { inspectTeam } from './inspect';
import type { KeptItem } from './kept';
import { previewJoin } from './preview';
import { databaseUrl } from './remote';
import { unitKindOf } from './units';

/**
 * The sync engine and PouchDB (with LevelDB and its HTTP stack: most of a second to load) are loaded when team
 * working first connects or previews, never at the start of an app where it is off.
 */
const openSession: typeof import('./session').openSession = async (...args) => (await import('./session')).openSession(...args);

export interface TeamInput {
  server: string;
  database: string;
  user: string;
  password: string;
  remember?: boolean;
}

const ENCRYPTED =
  'Team working keeps a copy of the shared data in the data folder that is not encrypted, so it is not available while encryption at rest is on.';

const shown = (v: unknown): string => (v === null || v === undefined || v === '' ? '(none)' : Array.isArray(v) ? v.join('; ') || '(none)' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/**
 * Team working for one running app (desktop, browser host): the team settings, the password, and the
 * sync engine's life — started at open when team working is on, stopped at close and around a restore.
 */
export class TeamHost {
  private engine: SyncEngine | null = null;
  private config: TeamConfig | null = null;
  private roles: string[] = [];
  private plainHttp = false;
  private problem: string | null = null;
  private needsPassword = false;
  private applied = 0;
  private readonly session: PasswordVault = memoryVault();

  constructor(
    private readonly store: () => Store,
    private readonly dataDir: string,
    private readonly vault: PasswordVault = memoryVault(),
  ) {}

  /** At open: resumes team working if it was on, in the background; a missing password is asked for by the UI. */
  async start(): Promise<void> {
    this.config = await readTeamConfig(this.dataDir);
    if (!this.config?.on) return;
    const account = vaultAccount(this.config);
    const password = (await this.session.get(account)) ?? (await this.vault.get(account));
    if (!password) {
      this.needsPassword = true;
      return;
    }
    await this.connect(this.config, password);
  }

  status(): TeamStatus {
    const c = this.config;
    const s = this.engine?.status;
    const state: TeamStatus['state'] = !c?.on
      ? 'off'
      : this.needsPassword
        ? 'needs-password'
        : this.problem
          ? 'problem'
          : !s || s.state === 'stopped'
            ? 'starting'
            : s.state;
    return {
      on: !!c?.on,
      server: c?.server ?? null,
      database: c?.database ?? null,
      user: c?.user ?? null,
      state,
      lastSyncedAt: s?.lastSyncedAt ?? null,
      waiting: s?.waiting ?? 0,
      problem: this.problem ?? s?.problem?.message ?? null,
      plainHttp: this.plainHttp,
      roles: this.roles,
      refusals: s?.refusals ?? [],
      notApplied: s?.notApplied ?? [],
      applied: this.applied + (s?.applied ?? 0),
      remembersPassword: this.vault.remembers,
      sharedTags: c?.sharedTags ?? [],
      unavailable: this.store().encryption.on ? ENCRYPTED : null,
    };
  }

  /** Reads the team database (into the sync folder only) and says what joining it would change here. */
  async preview(input: TeamInput): Promise<TeamPreview> {
    if (this.config?.on) throw new AppError('invalid-input', 'Team working is already on; turn it off first to join another team database.');
    const access = await inspectTeam(input, input.user, input.password);
    const { engine } = await openSession(this.store(), this.dataDir, input, { on: false });
    try {
      await engine.fetchTeam();
      const found = await previewJoin(engine.local, this.store(), { sharedTags: this.config?.sharedTags ?? [] });
      return { roles: access.roles, plainHttp: access.plainHttp, ...found };
    } finally {
      await engine.stop();
      this.config = await readTeamConfig(this.dataDir);
    }
  }

  /** Turns team working on: uploads this store, or merges it with the team's, then keeps in step. */
  async enable(input: TeamInput): Promise<TeamStatus> {
    if (this.store().encryption.on) throw new AppError('not-available', ENCRYPTED);
    databaseUrl(input);
    await inspectTeam(input, input.user, input.password);
    await this.stopEngine();
    const account = vaultAccount(input);
    await this.session.set(account, input.password);
    if (input.remember && this.vault.remembers) await this.vault.set(account, input.password);
    else await this.vault.clear(account);
    const previous = await readTeamConfig(this.dataDir);
    this.config = { server: input.server, database: input.database, user: input.user, on: true, client: previous?.client ?? '', sharedTags: previous?.sharedTags ?? [] };
    await this.connect(this.config, input.password);
    return this.status();
  }

  /** The password after a restart where it was not remembered (the browser build, or no OS key store). */
  async givePassword(password: string, remember?: boolean): Promise<TeamStatus> {
    const c = this.config;
    if (!c?.on) throw new AppError('invalid-input', 'Team working is off.');
    await inspectTeam(c, c.user, password);
    await this.session.set(vaultAccount(c), password);
    if (remember && this.vault.remembers) await this.vault.set(vaultAccount(c), password);
    this.needsPassword = false;
    await this.connect(c, password);
    return this.status();
  }

  async disable(): Promise<TeamStatus> {
    await this.stopEngine();
    if (this.config) {
      this.config = { ...this.config, on: false };
      await writeTeamConfig(this.dataDir, this.config);
      await this.vault.clear(vaultAccount(this.config));
      await this.session.clear(vaultAccount(this.config));
    }
    this.problem = null;
    this.needsPassword = false;
    return this.status();
  }

  async syncNow() {
    const engine = this.requireEngine();
    const figures = await engine.syncOnce();
    this.problem = null;
    return figures;
  }

  async setSharedTags(tags: string[]): Promise<TeamStatus> {
    const previous = (await readTeamConfig(this.dataDir)) ?? this.config;
    if (!previous) throw new AppError('invalid-input', 'Set up team working first.');
    this.config = { ...previous, sharedTags: [...new Set(tags)] };
    await writeTeamConfig(this.dataDir, this.config);
    if (this.engine) {
      this.engine.sharing.sharedTags = this.config.sharedTags;
      this.engine.markChangedUnits(true);
      await this.engine.flush();
    }
    return this.status();
  }

  async kept(): Promise<KeptItemView[]> {
    if (!this.engine) return [];
    return (await this.engine.kept.list()).map((item) => this.view(item));
  }

  async dismiss(id: string): Promise<boolean> {
    return this.requireEngine().kept.dismiss(id);
  }

  /** Clears a finding's "changed by two people" flags; the team's copy follows. */
  async confirmFinding(id: string): Promise<Finding> {
    const store = this.store();
    const doc = store.allReportDocs().find((d) => d.findings.some((f) => f.id === id));
    if (!doc) throw new AppError('not-found', `There is no finding with id ${id}.`);
    return store.updateReport(doc.report.id, (draft) => {
      const finding = draft.findings.find((f) => f.id === id)!;
      finding.tracking.twoPeople = [];
      return finding;
    });
  }

  /** Before a restore replaces the store: stop; after it, team working is off until turned on again (with a preview). */
  async suspend(): Promise<void> {
    await this.stopEngine();
    if (this.config?.on) {
      this.config = { ...this.config, on: false };
      await writeTeamConfig(this.dataDir, this.config);
    }
  }

  async close(): Promise<void> {
    await this.stopEngine();
  }

  private view(item: KeptItem): KeptItemView {
    const kind = unitKindOf(item.unit);
    const store = this.store();
    let what = item.docId;
    let findingId: string | null = null;
    if (kind === 'report') {
      const report = store.reportDoc(item.unit.slice(2));
      if (item.kind === 'findings') {
        findingId = item.docId.split(':').pop() ?? null;
        const finding = report?.findings.find((f) => f.id === findingId);
        what = `Finding “${finding?.text.slice(0, 80) ?? findingId}” in ${report?.report.title ?? 'a report'}`;
      } else what = report ? `${report.report.title}` : 'A report';
    } else if (kind === 'note') what = `Shared note “${store.note(item.unit.slice(2))?.text.slice(0, 60) ?? ''}”`;
    else if (item.docId === 'i') what = 'Team settings';
    else if (item.kind === 'papers') what = `Board paper “${store.index.papers.find((p) => item.docId.endsWith(p.id))?.title ?? ''}”`;
    return {
      id: item.id,
      type: item.type,
      what,
      at: item.at,
      by: item.by,
      reason: item.reason,
      changes: item.changes.map((c) => ({ field: c.field.replace(/^(tracking|settings|report)\./, ''), value: shown(c.value), was: shown(c.was) })),
      findingId,
    };
  }

  private requireEngine(): SyncEngine {
    if (!this.engine) throw new AppError('not-available', this.needsPassword ? 'Give the team password first.' : 'Team working is off.');
    return this.engine;
  }

  private async connect(config: TeamConfig, password: string): Promise<void> {
    await this.stopEngine();
    this.problem = null;
    try {
      const access = await inspectTeam(config, config.user, password);
      this.roles = access.roles;
      this.plainHttp = access.plainHttp;
    } catch (error) {
      // Unreachable: work on, changes queue and go when the server is back. Anything else stops here, in words.
      if (!/not reachable|not answering/.test((error as Error).message)) {
        this.problem = (error as Error).message;
        return;
      }
    }
    const { engine, config: saved } = await openSession(this.store(), this.dataDir, { ...config, password }, { on: true, onApplied: () => this.applied++ });
    this.config = saved;
    this.engine = engine;
    // A first round that fails (the server went away) is not an error: live replication retries.
    await engine.syncOnce().catch(() => undefined);
    if (this.engine === engine) await engine.startLive();
  }

  private async stopEngine(): Promise<void> {
    const engine = this.engine;
    this.engine = null;
    if (engine) {
      this.applied += engine.status.applied;
      await engine.stop();
    }
  }
}
