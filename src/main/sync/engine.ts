import { createHash } from 'node:crypto';
import type { Store, StoreChange } from '../store/repository';
import { describeFailure, type Problem } from './remote';
import { openLocal, openRemote, type Pouch, type PouchError, type Replication, type ReplicationResult } from './pouch';
import { KeptItems } from './kept';
import { applyUnit } from './apply-unit';
import { mergeUnit, type FieldConflict } from './merge-unit';
import { guardedFields, STEP_KIND } from './rules';
import { trailOf } from './flat';
import { statusFromSteps } from '../tracking/status-steps';
import { isTeamDoc, MAPPING_VERSION, type ShadowDoc, type TeamDoc } from './team-doc';
import { fieldGroupsOf, localUnits, readUnit, shapeForKind, unitIdOf, unitKindOf, unitOfDocId, type Sharing, type UnitKind } from './units';
import type { FlatDoc } from './flat';
import { attachFiles, takeInFiles } from './unit-files';
import { joinClocks, type Stamp } from './stamps';
import { sameValue } from './canonical';

export interface EngineOptions {
  store: Store;
  /** The local PouchDB's folder. */
  folder: string;
  url: string;
  username: string;
  password: string;
  /** This data folder's id in version vectors. */
  client: string;
  sharing: Sharing;
  now?: () => Date;
  /** Called whenever the status may have changed. */
  onStatus?: () => void;
  /** Called after changes from the team were written to the store. */
  onApplied?: () => void;
  /** Live replication's first retry delay, ms (PouchDB doubles it up to 10 minutes by default). */
  retryDelayMs?: number;
}

export interface RoundFigures {
  pushed: number;
  pulled: number;
  conflicts: number;
}

export type EngineState = 'starting' | 'synced' | 'sending' | 'offline' | 'problem' | 'stopped';

export interface EngineStatus {
  state: EngineState;
  lastSyncedAt: string | null;
  waiting: number;
  problem: Problem | null;
  /** Changes the server refused since the app started, newest first, in words. */
  refusals: string[];
  /** Changes from the team this version of the app could not store (a newer version's data), in words. */
  notApplied: string[];
  conflicts: number;
  applied: number;
}

interface StateDoc {
  _id: string;
  _rev?: string;
  /** Whether the team database was read once: until then nothing is sent, so joining never forks what the team has. */
  joined?: boolean;
  seq: number | string;
  units: Record<string, string>;
  outbox: Record<string, string>;
  lastSyncedAt: string | null;
}

interface ShadowRecord {
  _id: string;
  _rev?: string;
  docs: Record<string, ShadowDoc>;
}

interface Prepared {
  unit: string;
  kind: UnitKind;
  local: Map<string, FlatDoc> | null;
  shadow: Map<string, ShadowDoc>;
  shadowRecord: ShadowRecord;
  team: Map<string, TeamDoc[]>;
  heldBack: Set<string>;
}

/** Units merged together: one bulk write for their documents and one for their shadows. */
const BATCH_UNITS = 50;

const STATE_ID = '_local/liaison-state';
const shadowId = (unit: string) => `_local/shadow:${unit}`;
const notDesign = (doc: { _id: string }) => !doc._id.startsWith('_design/');

/** What the app stores for a unit, hashed, to find units changed while the sync was not running. */
export function unitHash(store: Store, unit: string): string | null {
  const kind = unitKindOf(unit);
  const value = kind === 'report' ? store.reportDoc(unit.slice(2)) : kind === 'note' ? store.note(unit.slice(2)) : kind === 'index' ? store.index : undefined;
  return value ? createHash('sha1').update(JSON.stringify(value)).digest('hex') : null;
}

/**
 * Keeps one data folder and the team database in step. The store (lowdb) stays what the app reads and
 * writes; PouchDB's local database beside it is the outbox and inbox. A change saved in the store is
 * merged into the local PouchDB (three-way, against the shadow of what was last agreed), PouchDB
 * replicates it; what PouchDB receives is merged the same way and patched into the store. All of it
 * runs one unit at a time in one queue, so a change is never merged twice at once.
 */
export class SyncEngine {
  readonly local: Pouch;
  readonly remote: Pouch;
  readonly kept: KeptItems;
  private readonly now: () => Date;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly dirty = new Set<string>();
  private readonly ours = new Map<string, string>();
  /** Units merged again because a change arrived while they were merged, and how often in a row. */
  private readonly clashes = new Map<string, number>();
  /** Units with a document held back for its file: merged again at the next round. */
  private readonly retry = new Set<string>();
  private state!: StateDoc;
  private stateDirty = false;
  private stopStoreListener: (() => void) | null = null;
  private live: { push: Replication; pull: Replication; feed: { cancel(): void } } | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private figures: RoundFigures = { pushed: 0, pulled: 0, conflicts: 0 };
  private pushState: 'idle' | 'active' | 'error' = 'idle';
  private pullState: 'idle' | 'active' | 'error' = 'idle';
  readonly status: EngineStatus = { state: 'starting', lastSyncedAt: null, waiting: 0, problem: null, refusals: [], notApplied: [], conflicts: 0, applied: 0 };

  private constructor(private readonly options: EngineOptions) {
    this.now = options.now ?? (() => new Date());
    this.local = openLocal(options.folder);
    this.remote = openRemote(options.url, { username: options.username, password: options.password });
    this.kept = new KeptItems(this.local);
  }

  static async open(options: EngineOptions): Promise<SyncEngine> {
    const engine = new SyncEngine(options);
    const existing = await engine.local.get<StateDoc>(STATE_ID).catch(() => null);
    engine.state = existing ?? { _id: STATE_ID, seq: 0, units: {}, outbox: {}, lastSyncedAt: null };
    engine.status.lastSyncedAt = engine.state.lastSyncedAt;
    engine.status.waiting = Object.keys(engine.state.outbox).length;
    engine.stopStoreListener = options.store.onChange((change) => engine.storeChanged(change));
    return engine;
  }

  /** Which notes and annotations are shared by tag; changing it takes effect at the next merge of each unit. */
  get sharing(): Sharing {
    return this.options.sharing;
  }

  get figuresSoFar(): RoundFigures {
    return { ...this.figures };
  }

  /** Marks for merging every unit stored here that changed since it was last merged, and every unit that has gone. */
  markChangedUnits(all = false): void {
    for (const unit of this.retry) this.dirty.add(unit);
    const here = new Set(localUnits(this.options.store, this.options.sharing));
    for (const unit of here) if (all || this.state.units[unit] !== unitHash(this.options.store, unit)) this.dirty.add(unit);
    for (const unit of Object.keys(this.state.units)) if (!here.has(unit)) this.dirty.add(unit);
  }

  /** Forgets what was last agreed, so the next merge treats both sides as new (joining a team with data of your own). */
  async forgetShadows(): Promise<void> {
    await this.run(async () => {
      for (const unit of Object.keys(this.state.units)) {
        const shadow = await this.local.get<ShadowRecord>(shadowId(unit)).catch(() => null);
        if (shadow) await this.local.put({ ...shadow, docs: {} });
      }
      this.state.units = {};
      this.stateDirty = true;
      await this.saveState();
    });
  }

  /** One round: send what changed here, receive what changed there, merge, and send the merges. */
  async syncOnce(): Promise<RoundFigures> {
    const before = { ...this.figures };
    this.markChangedUnits();
    await this.flushSending();
    if (!this.state.joined) await this.join();
    for (let round = 0; round < 5; round++) {
      await this.replicate('push');
      await this.replicate('pull');
      const wrote = await this.receive();
      if (!wrote && !Object.keys(this.state.outbox).length) break;
    }
    this.synced();
    return {
      pushed: this.figures.pushed - before.pushed,
      pulled: this.figures.pulled - before.pulled,
      conflicts: this.figures.conflicts - before.conflicts,
    };
  }

  /** Reads the team database into the local PouchDB without merging anything (for a preview). */
  async fetchTeam(): Promise<void> {
    await this.replicate('pull');
  }

  /** Whether this data folder has merged with the team database before. */
  get joined(): boolean {
    return this.state.joined === true;
  }

  /** The first contact: read the team database, then merge every unit against it. */
  private async join(): Promise<void> {
    await this.replicate('pull');
    this.state.joined = true;
    this.stateDirty = true;
    this.markChangedUnits(true);
    await this.receive();
  }

  /** Continuous replication while the server is reachable, retrying with back-off while it is not. */
  async startLive(): Promise<void> {
    this.markChangedUnits();
    await this.flush();
    await this.receive();
    const retry = this.options.retryDelayMs ?? 1_000;
    const backOff = (delay: number) => (delay === 0 ? retry : Math.min(delay * 2, 60_000));
    const push = this.local.replicate.to(this.remote, { live: true, retry: true, filter: notDesign, batch_size: 100, back_off_function: backOff });
    const pull = this.local.replicate.from(this.remote, { live: true, retry: true, batch_size: 100, back_off_function: backOff });
    this.watch(push, 'push');
    this.watch(pull, 'pull');
    const feed = this.local.changes({ since: 'now', live: true }).on('change', (change) => this.localChange(change.id, change.changes[0]?.rev));
    this.live = { push, pull, feed };
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.stopStoreListener?.();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.live?.push.cancel();
    this.live?.pull.cancel();
    this.live?.feed.cancel();
    if (this.live) {
      // A cancelled replication finishes the request it has in flight; wait for it (a few seconds at most).
      const settled = Promise.allSettled([Promise.resolve(this.live.push), Promise.resolve(this.live.pull)]);
      await Promise.race([settled, new Promise((r) => setTimeout(r, 5_000).unref())]);
    }
    await this.queue.catch(() => undefined);
    await this.saveState().catch(() => undefined);
    this.status.state = 'stopped';
    await this.local.close().catch(() => undefined);
    await this.remote.close().catch(() => undefined);
  }

  /** Merges every unit marked as changed, one at a time. Resolves when all are merged. */
  flush(): Promise<void> {
    return this.run(async () => {
      while (this.dirty.size && this.state.joined) {
        const batch = [...this.dirty].slice(0, BATCH_UNITS);
        for (const unit of batch) this.dirty.delete(unit);
        await this.reconcileBatch(batch);
      }
      await this.saveState();
    });
  }

  // ---- merging -------------------------------------------------------------------------------

  private run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private storeChanged(change: StoreChange): void {
    const unit = change.kind === 'report' ? unitIdOf.report(change.id) : change.kind === 'note' ? unitIdOf.note(change.id) : unitIdOf.index();
    this.dirty.add(unit);
    this.scheduleFlush();
  }

  private localChange(id: string, rev: string | undefined): void {
    if (id.startsWith('_design/')) return;
    if (id.startsWith('kept:')) {
      this.options.onStatus?.();
      return;
    }
    if (rev && this.ours.get(id) === rev) return;
    this.dirty.add(unitOfDocId(id));
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.stopped || this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      void this.flush().catch(() => undefined);
    }, 20);
  }

  /** Marks the units of everything PouchDB received since last time. Returns whether any merge was written. */
  private async receive(): Promise<boolean> {
    const changes = await this.local.changes({ since: this.state.seq, style: 'main_only' });
    for (const change of changes.results) {
      if (change.id.startsWith('_design/') || change.id.startsWith('kept:')) continue;
      if (this.ours.get(change.id) === change.changes[0]?.rev) continue;
      this.dirty.add(unitOfDocId(change.id));
    }
    this.state.seq = changes.last_seq;
    this.stateDirty = true;
    const before = this.writes;
    await this.flushSending();
    return this.writes !== before;
  }

  /**
   * Merges what is marked; when that is more than a batch (a first upload, a long time offline) in a
   * one-shot round, what is merged is sent meanwhile, so the server takes in one batch while the next is
   * merged. A send that fails stops there: the round's own send says why.
   */
  private async flushSending(): Promise<void> {
    if (this.live || !this.state.joined || this.dirty.size <= BATCH_UNITS) return this.flush();
    let merging = true;
    const merged = this.flush().finally(() => (merging = false));
    const sending = (async () => {
      while (merging) {
        const sent = await this.replicate('push', { save: false }).then(
          () => true,
          () => false,
        );
        if (!sent) return;
        if (merging) await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await merged;
    await sending;
  }

  private writes = 0;

  private async teamDocs(unit: string): Promise<Map<string, TeamDoc[]>> {
    const result = await this.local.allDocs<TeamDoc>({ startkey: unit, endkey: `${unit}/\uffff`, include_docs: true, conflicts: true });
    const team = new Map<string, TeamDoc[]>();
    for (const row of result.rows) {
      const doc = row.doc;
      if (!doc || !isTeamDoc(doc) || doc.unit !== unit) continue;
      const leaves: TeamDoc[] = [doc];
      if (doc._conflicts?.length) {
        const others = await this.local.get<{ ok?: TeamDoc }[]>(doc._id, { open_revs: doc._conflicts });
        for (const other of others) if (other.ok && !other.ok._deleted && isTeamDoc(other.ok)) leaves.push(other.ok);
      }
      delete doc._conflicts;
      team.set(doc._id, leaves);
    }
    return team;
  }

  /**
   * Merges a batch of units: their team documents and shadows are read together, each unit is merged on
   * its own (a pure function), every write of the batch goes to the local PouchDB in one bulk write (files
   * attached), then each unit is applied to the store and the new shadows are written together. A unit
   * whose write clashed with a change arriving meanwhile is merged again in the next batch.
   */
  private async reconcileBatch(units: string[]): Promise<void> {
    const ready = (await Promise.all(units.map((unit) => this.prepare(unit)))).filter((p): p is Prepared => p !== null);
    const { store } = this.options;
    const me = { client: this.options.client, name: store.index.settings.userName };
    const merges = ready.map((p) => {
      const result = mergeUnit({ unit: p.unit, local: p.local, shadow: p.shadow, team: p.team, heldBack: p.heldBack, groupsOf: fieldGroupsOf(p.kind), me, now: this.now().toISOString(), shapeOf: (recordKind) => shapeForKind(p.kind, recordKind) });
      this.chooseParents(result.stamped, p.team, result.writes);
      return { ...p, result };
    });

    const writes = merges.flatMap((m) => m.result.writes);
    const clashed = new Set<string>();
    if (writes.length) {
      await Promise.all(merges.map((m) => attachFiles(store, m.kind, m.result.writes)));
      const written = await this.local.bulkDocs(writes);
      const byId = new Map(merges.flatMap((m) => m.result.writes.map((w) => [w._id, m] as const)));
      for (const w of written) {
        const merge = byId.get(w.id);
        if (!merge) continue;
        if (w.error) {
          if (w.status !== 409) throw new Error(`The team copy of ${w.id} could not be written: ${w.reason ?? w.error}`);
          clashed.add(merge.unit);
          continue;
        }
        if (!w.rev) continue;
        this.ours.set(w.id, w.rev);
        this.state.outbox[w.id] = w.rev;
        const doc = merge.result.stamped.get(w.id);
        if (doc) doc._rev = w.rev;
      }
      this.writes++;
      this.stateDirty = true;
      this.status.waiting = Object.keys(this.state.outbox).length;
    }

    const shadows: Record<string, unknown>[] = [];
    const settled: { unit: string; keep: boolean }[] = [];
    for (const m of merges) {
      if (clashed.has(m.unit)) {
        // A change from the team arrived while this unit was merged: merge it again with it.
        const attempts = (this.clashes.get(m.unit) ?? 0) + 1;
        if (attempts > 5) throw new Error(`The team copy of ${m.unit} kept changing while it was merged.`);
        this.clashes.set(m.unit, attempts);
        this.dirty.add(m.unit);
        continue;
      }
      this.clashes.delete(m.unit);
      const conflicts = m.result.conflicts.length;
      if (conflicts) {
        this.figures.conflicts += conflicts;
        this.status.conflicts += conflicts;
      }
      for (const conflict of m.result.unsunk) await this.kept.addConflict(conflict, this.now().toISOString());
      // Nothing from the team (a first upload): the merge is what is stored here already.
      const fromTeam = m.team.size > 0 || m.shadow.size > 0;
      const applied = fromTeam ? await applyUnit({ store, unit: m.unit, before: m.local ?? new Map(), after: m.result.merged }) : { changed: false };
      if (applied.problem) {
        this.noteNotApplied(applied.problem);
        continue; // the shadow stays as it was, so the next round tries again
      }
      if (applied.changed) {
        this.status.applied++;
        this.options.onApplied?.();
      }
      const docs: Record<string, ShadowDoc> = {};
      for (const [id, doc] of m.result.stamped) {
        if (!doc._rev) continue;
        docs[id] = { rev: doc._rev, kind: doc.kind, parent: doc.parent, key: doc.key, pos: doc.pos, f: doc.f };
      }
      shadows.push({ ...m.shadowRecord, docs });
      settled.push({ unit: m.unit, keep: Object.keys(docs).length > 0 });
    }
    if (shadows.length) {
      const saved = await this.local.bulkDocs(shadows);
      const failed = saved.find((s) => s.error);
      if (failed) throw new Error(`What was agreed with the team about ${failed.id} could not be saved: ${failed.reason ?? failed.error}`);
    }
    for (const { unit, keep } of settled) {
      const hash = keep ? unitHash(store, unit) : null;
      if (hash) this.state.units[unit] = hash;
      else delete this.state.units[unit];
    }
    this.stateDirty = true;
    this.options.onStatus?.();
  }

  /** Everything the merge of one unit needs; null when there is nothing to merge yet. */
  private async prepare(unit: string): Promise<Prepared | null> {
    const kind = unitKindOf(unit);
    if (!kind) return null;
    const { store, sharing } = this.options;
    const local = readUnit(store, unit, sharing);
    const [shadowRecord, team] = await Promise.all([
      this.local.get<ShadowRecord>(shadowId(unit)).catch(() => null),
      this.teamDocs(unit),
    ]);
    const shadow = new Map(Object.entries(shadowRecord?.docs ?? {}));
    if (!local && !team.has(unit) && !shadow.size) {
      // Not here, and its root has not arrived (records can come before it): wait for it.
      if (!team.size) delete this.state.units[unit];
      this.stateDirty = true;
      return null;
    }
    if (!local && !team.has(unit) && !shadow.has(unit)) return null;
    const arrived = await takeInFiles(store, this.local, kind, team, local);
    for (const problem of arrived.problems) this.noteNotApplied(problem);
    if (arrived.heldBack.size) this.retry.add(unit);
    else this.retry.delete(unit);
    return { unit, kind, local, shadow, shadowRecord: shadowRecord ?? { _id: shadowId(unit), docs: {} }, team, heldBack: arrived.heldBack };
  }

  /**
   * A merge of conflicting revisions goes on top of the revision that already holds the values the
   * server's rules guard, so merging an approver's close is not itself a close.
   */
  private chooseParents(stamped: Map<string, TeamDoc>, team: Map<string, TeamDoc[]>, writes: TeamDoc[]): void {
    for (const doc of writes) {
      const leaves = team.get(doc._id);
      if (doc._deleted || !leaves || leaves.length < 2) continue;
      const guarded = guardedFields(doc._id, doc.kind);
      const fields = guarded === 'all' ? Object.keys(doc.f) : guarded;
      if (!fields.length) continue;
      // Of those, one the server already has: a branch only this computer has would be new to the rules.
      const fits = leaves.filter((leaf) => fields.every((field) => sameValue(leaf.f[field]?.v, doc.f[field]?.v)));
      const parent = fits.find((leaf) => this.state.outbox[leaf._id] !== leaf._rev) ?? fits[0];
      if (!parent || parent._rev === doc._rev) continue;
      const previous = doc._rev;
      doc._rev = parent._rev;
      const index = writes.findIndex((w) => w._deleted && w._id === doc._id && w._rev === parent._rev);
      if (index >= 0) writes[index] = { ...leaves.find((l) => l._rev === previous)!, _deleted: true };
      stamped.get(doc._id)!._rev = parent._rev;
    }
  }

  private noteNotApplied(problem: string): void {
    if (!this.status.notApplied.includes(problem)) this.status.notApplied.unshift(problem);
    this.status.notApplied.splice(20);
    this.options.onStatus?.();
  }

  private async saveState(): Promise<void> {
    if (!this.stateDirty) return;
    this.stateDirty = false;
    const saved = await this.local.put(this.state as unknown as Record<string, unknown>);
    this.state._rev = saved.rev;
  }

  // ---- replicating ---------------------------------------------------------------------------

  private async replicate(direction: 'push' | 'pull', { save = true } = {}): Promise<number> {
    const replication =
      direction === 'push' ? this.local.replicate.to(this.remote, { filter: notDesign, batch_size: 500 }) : this.local.replicate.from(this.remote, { batch_size: 500 });
    this.watch(replication, direction);
    let result: ReplicationResult;
    try {
      result = await replication;
    } catch (error) {
      this.failed(error as PouchError);
      throw error;
    }
    if (save) await this.run(() => this.saveState());
    return result.docs_written;
  }

  private watch(replication: Replication, direction: 'push' | 'pull'): void {
    replication.on('change', (info) => {
      if (direction === 'push') this.pushed(info.docs ?? []);
      else this.figures.pulled += info.docs?.length ?? 0;
      this.setReplicating(direction, 'active');
    });
    replication.on('denied', (error) => void this.run(() => this.refused(error)));
    replication.on('paused', (error) => {
      if (error) return this.failed(error);
      if (direction === 'pull' && this.live && !this.state.joined) {
        this.state.joined = true;
        this.stateDirty = true;
        this.markChangedUnits(true);
        this.scheduleFlush();
      }
      this.setReplicating(direction, 'idle');
    });
    replication.on('active', () => this.setReplicating(direction, 'active'));
    replication.on('error', (error) => this.failed(error as PouchError));
  }

  private pushed(docs: { _id: string; _rev: string }[]): void {
    this.figures.pushed += docs.length;
    for (const doc of docs) if (this.state.outbox[doc._id] === doc._rev) delete this.state.outbox[doc._id];
    this.stateDirty = true;
    this.status.waiting = Object.keys(this.state.outbox).length;
  }

  private setReplicating(direction: 'push' | 'pull', state: 'idle' | 'active'): void {
    if (direction === 'push') this.pushState = state;
    else this.pullState = state;
    if (this.pushState === 'idle' && this.pullState === 'idle' && this.live) this.synced();
    else if (this.status.state !== 'problem') this.status.state = 'sending';
    this.options.onStatus?.();
  }

  private synced(): void {
    this.status.problem = null;
    this.status.state = Object.keys(this.state.outbox).length ? 'sending' : 'synced';
    if (this.status.state === 'synced') {
      this.status.lastSyncedAt = this.now().toISOString();
      this.state.lastSyncedAt = this.status.lastSyncedAt;
      this.stateDirty = true;
    }
    this.options.onStatus?.();
  }

  private failed(error: PouchError): void {
    const problem = describeFailure(error);
    this.status.problem = problem;
    this.status.state = problem.kind === 'unreachable' ? 'offline' : 'problem';
    this.pushState = 'error';
    this.pullState = 'error';
    this.options.onStatus?.();
  }

  /**
   * The server's rules refused a change (e.g. a close by someone who is not an approver). The change is
   * kept as a proposal in the team's list, where an approver can apply it, and this computer goes back
   * to the team's value, so nothing is lost and the register says what the team has.
   */
  private async refused(error: PouchError): Promise<void> {
    const id = error.id;
    if (!id) return;
    const reason = error.reason ?? error.message ?? 'the server refused the change';
    const mine = await this.local.get<TeamDoc>(id).catch(() => null);
    delete this.state.outbox[id];
    this.stateDirty = true;
    this.status.waiting = Object.keys(this.state.outbox).length;
    if (!mine || !isTeamDoc(mine)) return;
    const theirs = await this.remote.get<TeamDoc>(id).catch(() => null);
    const at = this.now().toISOString();
    const by = this.options.store.index.settings.userName;
    if (!theirs && mine.kind === STEP_KIND) return this.refusedStep(mine, reason, at);
    const changes = Object.entries(mine.f)
      .filter(([field, stamp]) => !theirs || !sameValue(theirs.f[field]?.v, stamp.v))
      .map(([field, stamp]) => ({ field, value: stamp.v, was: theirs?.f[field]?.v ?? null }));
    await this.kept.addProposal({ docId: id, unit: mine.unit, kind: mine.kind, reason, changes, by, at });
    this.status.refusals.unshift(`${reason}; your change was kept as a proposal`);
    this.status.refusals.splice(20);
    this.options.onStatus?.();
    // Something new the team does not have stays here as it is (never deleted); it is not sent again until it changes.
    if (!theirs) return;
    const revert: TeamDoc = { ...mine, f: revertFields(mine.f, theirs.f, this.options.client, by, at), liaison: MAPPING_VERSION };
    delete revert._attachments;
    const [written] = await this.local.bulkDocs([revert]);
    if (written?.rev) {
      this.state.outbox[id] = written.rev;
      this.status.waiting = Object.keys(this.state.outbox).length;
    }
    this.dirty.add(mine.unit);
    this.scheduleFlush();
    this.options.onStatus?.();
  }

  /**
   * A status step the server refused (an approval by someone who is not an approver): the step is kept
   * in the team's list as a proposal, and taken back here, from the copy of the team database and from
   * the store, so the finding goes back to the status its other steps give (Proposed for closure); its
   * history says what happened.
   */
  private async refusedStep(step: TeamDoc, reason: string, at: string): Promise<void> {
    const value = (field: string) => step.f[field]?.v;
    const findingDoc = step.parent ?? '';
    await this.kept.addProposal({
      docId: findingDoc,
      unit: step.unit,
      kind: 'findings',
      reason,
      changes: [{ field: 'tracking.status', value: value('to'), was: value('from') }],
      by: String(value('by') ?? ''),
      at,
    });
    this.status.refusals.unshift(`${reason}; your change was kept as a proposal`);
    this.status.refusals.splice(20);
    const latest = await this.local.get<TeamDoc>(step._id).catch(() => null);
    if (latest?._rev) {
      const [gone] = await this.local.bulkDocs([{ _id: step._id, _rev: latest._rev, _deleted: true }]);
      if (gone?.rev) this.ours.set(step._id, gone.rev);
    }
    const findingId = trailOf(findingDoc).steps.at(-1)?.key;
    const stepId = step.key;
    try {
      await this.options.store.updateReport(step.unit.slice(2), (draft) => {
        const finding = draft.findings.find((f) => f.id === findingId);
        if (!finding?.tracking.steps?.some((s) => s.id === stepId)) return;
        const t = finding.tracking;
        const before = t.status;
        t.steps = t.steps!.filter((s) => s.id !== stepId);
        const outcome = statusFromSteps(t.steps);
        t.status = outcome?.status ?? (value('from') as typeof t.status);
        t.proposal = outcome ? outcome.proposal : t.proposal;
        t.resolution = outcome ? outcome.resolution : null;
        t.history.push({ at, by: 'Team sync', field: 'status', from: before, to: t.status, note: `${reason}; the change was kept as a proposal for an approver` });
      });
    } catch {
      // The report has gone meanwhile: nothing is left to take back.
    }
    this.dirty.add(step.unit);
    this.scheduleFlush();
    this.options.onStatus?.();
  }
}

/** The team's values back, stamped as a new change that has seen both, so it wins over the refused one everywhere. */
function revertFields(mine: Record<string, Stamp>, theirs: Record<string, Stamp>, client: string, by: string, at: string): Record<string, Stamp> {
  const out: Record<string, Stamp> = {};
  for (const [field, stamp] of Object.entries(mine)) {
    const team = theirs[field];
    if (!team || sameValue(team.v, stamp.v)) {
      out[field] = team ?? stamp;
      continue;
    }
    const clock = joinClocks(stamp.c, team.c);
    out[field] = { v: team.v, at, by, c: { ...clock, [client]: (clock[client] ?? 0) + 1 } };
  }
  for (const [field, stamp] of Object.entries(theirs)) if (!(field in out)) out[field] = stamp;
  return out;
}

export type { FieldConflict };
