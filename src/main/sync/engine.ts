import { createHash } from 'node:crypto';
import type { Store, StoreChange } from '../store/repository';
import { describeFailure, type Problem } from './remote';
import { openLocal, openRemote, type Pouch, type PouchError, type Replication, type ReplicationResult } from './pouch';
import { KeptItems } from './kept';
import { applyUnit } from './apply-unit';
import { mergeUnit, type FieldConflict } from './merge-unit';
import { guardedFields } from './rules';
import { isTeamDoc, MAPPING_VERSION, type ShadowDoc, type TeamDoc } from './team-doc';
import { localUnits, readUnit, shapeForKind, unitIdOf, unitKindOf, unitOfDocId, type Sharing } from './units';
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
    await this.flush();
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
        const unit = this.dirty.values().next().value as string;
        this.dirty.delete(unit);
        await this.reconcile(unit);
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
    await this.flush();
    return this.writes !== before;
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

  private async reconcile(unit: string, attempt = 0): Promise<void> {
    const kind = unitKindOf(unit);
    if (!kind) return;
    const { store, sharing } = this.options;
    const local = readUnit(store, unit, sharing);
    const shadowRecord = (await this.local.get<ShadowRecord>(shadowId(unit)).catch(() => null)) ?? { _id: shadowId(unit), docs: {} };
    const shadow = new Map(Object.entries(shadowRecord.docs));
    const team = await this.teamDocs(unit);
    if (!local && !team.has(unit) && !shadow.size) {
      // Not here, and its root has not arrived (records can come before it): wait for it.
      if (!team.size) delete this.state.units[unit];
      this.stateDirty = true;
      return;
    }
    if (!local && !team.has(unit) && !shadow.has(unit)) return;

    const result = mergeUnit({
      unit,
      local,
      shadow,
      team,
      shapeOf: (recordKind) => shapeForKind(kind, recordKind),
      me: { client: this.options.client, name: store.index.settings.userName },
      now: this.now().toISOString(),
    });
    this.chooseParents(result.stamped, team, result.writes);

    if (result.writes.length) {
      await this.attachFiles(unit, result.writes);
      const written = await this.local.bulkDocs(result.writes);
      const clash = written.find((w) => w.error && w.status === 409);
      if (clash) {
        if (attempt < 5) return this.reconcile(unit, attempt + 1);
        throw new Error(`The team copy of ${clash.id} kept changing while it was merged.`);
      }
      for (const w of written) {
        if (!w.rev) continue;
        this.ours.set(w.id, w.rev);
        this.state.outbox[w.id] = w.rev;
        const doc = result.stamped.get(w.id);
        if (doc) doc._rev = w.rev;
      }
      this.writes++;
      this.stateDirty = true;
      this.status.waiting = Object.keys(this.state.outbox).length;
    }
    const conflicts = result.conflicts.length;
    if (conflicts) {
      this.figures.conflicts += conflicts;
      this.status.conflicts += conflicts;
    }
    for (const conflict of result.unsunk) await this.kept.addConflict(conflict, this.now().toISOString());

    const applied = await applyUnit({
      store,
      unit,
      before: local ?? new Map(),
      after: result.merged,
      readSource: () => this.readRootAttachments(unit),
    });
    if (applied.problem) {
      this.noteNotApplied(applied.problem);
      return; // the shadow stays as it was, so the next round tries again
    }
    if (applied.changed) {
      this.status.applied++;
      this.options.onApplied?.();
    }

    const docs: Record<string, ShadowDoc> = {};
    for (const [id, doc] of result.stamped) {
      if (!doc._rev) continue;
      docs[id] = { rev: doc._rev, kind: doc.kind, parent: doc.parent, key: doc.key, pos: doc.pos, f: doc.f };
    }
    await this.local.put({ ...shadowRecord, docs } as unknown as Record<string, unknown>);
    const hash = unitHash(store, unit);
    if (hash && Object.keys(docs).length) this.state.units[unit] = hash;
    else delete this.state.units[unit];
    this.stateDirty = true;
    this.options.onStatus?.();
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

  /** A report's first upload carries its source file and extracted text as attachments. */
  private async attachFiles(unit: string, writes: TeamDoc[]): Promise<void> {
    if (unitKindOf(unit) !== 'report') return;
    const root = writes.find((w) => w._id === unit && !w._deleted && !w._attachments);
    if (!root) return;
    const report = this.options.store.reportDoc(unit.slice(2))?.report;
    if (!report) return;
    const [source, text] = await Promise.all([this.options.store.readSource(report.sha256), this.options.store.readText(report.sha256)]);
    root._attachments = {
      source: { content_type: 'application/octet-stream', data: source },
      text: { content_type: 'application/json', data: Buffer.from(JSON.stringify(text)) },
    };
  }

  private async readRootAttachments(unit: string): Promise<{ source: Buffer; text: unknown } | null> {
    const root = await this.local.get<{ _attachments?: Record<string, { data?: Buffer }> }>(unit, { attachments: true, binary: true }).catch(() => null);
    const source = root?._attachments?.source?.data;
    const text = root?._attachments?.text?.data;
    if (!source || !text) return null;
    return { source: Buffer.from(source), text: JSON.parse(Buffer.from(text).toString('utf8')) };
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

  private async replicate(direction: 'push' | 'pull'): Promise<number> {
    const replication =
      direction === 'push' ? this.local.replicate.to(this.remote, { filter: notDesign, batch_size: 250 }) : this.local.replicate.from(this.remote, { batch_size: 250 });
    this.watch(replication, direction);
    let result: ReplicationResult;
    try {
      result = await replication;
    } catch (error) {
      this.failed(error as PouchError);
      throw error;
    }
    await this.run(() => this.saveState());
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
