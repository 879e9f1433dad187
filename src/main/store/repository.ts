import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { RecoveryNotice } from '../../shared/api/app';
import { AppError } from '../../shared/api/result';
import { DEFAULT_SETTINGS, type Note } from '../../shared/domain';
import { atomicWrite, wasRenamed, type WriteFs } from './atomic-write';
import { DamagedFileError, DurableJsonFile, UndecryptableFileError } from './durable-json-file';
import { encryptedStoreError, isSealed, seal, unseal, type Cipher, type Sealing } from './cipher';
import { IndexDoc, NotesShard, ReportDoc, SCHEMA_VERSION, TextDoc } from './schema';
import { noteShardOf, NOTE_SHARDS, storeLayout, type StoreLayout } from './layout';
import { acquireStoreLock, type StoreLock } from './lock';
import { claimForRemoval, findOrphans, notice, REMOVING, settleRemovals, unclaim } from './reattach';
import { describeRecovery, findInBackups, setAside } from './recovery';
import { MIGRATIONS, runMigrations, type Migration } from './migrations';
import { Doc } from './doc';
import { openFailure, saveFailure } from './save-failure';
import { convertBackups, evidenceShas, rotateBackups, writeFullArchive } from './backups';
import { writeBackupOffThread } from './backup-off-thread';
import { headOf, headsFile, readHeads, writeHeads, type CachedHead, type ReportHead } from './report-heads';
import { stampOf, stampsOfSync } from './stamps';
import { shareNoteStrings, shareReportStrings, StringPool } from './shared-strings';

export interface OpenStoreOptions {
  /** Reads only: takes no lock, writes nothing (not even a recovery). For `list` and `search` from the CLI. */
  readOnly?: boolean;
  /** Injected in tests to simulate a held file or a full disk. */
  fs?: WriteFs;
  now?: () => Date;
  backupsToKeep?: number;
  migrations?: Migration[];
  /** Skip the daily backup at open (tests and benchmarks that open many stores). */
  skipDailyBackup?: boolean;
  /** Encryption at rest is possible only with one (the desktop app's, from the OS account's key store). */
  cipher?: Cipher;
  /** A lock already held on this data folder (a restore hands its lock on), which the store then owns. */
  lock?: StoreLock;
  /**
   * Open with only what the first screen needs (the index and the report heads) and load every report
   * and note file after, in the background: `ready` says when. The app and the browser host open so;
   * without it `open` resolves once everything is loaded, as tests and most CLI commands want.
   */
  background?: boolean;
}

type Validator<T> = (data: unknown) => T;

/** What a successful write changed, for in-memory views of the store (the search index) to follow. */
export type StoreChange = { kind: 'report'; id: string } | { kind: 'note'; id: string } | { kind: 'index' };

const isoNow = (now: () => Date) => now().toISOString();

/** Report files read and validated between two turns of the event loop while loading in the background. */
const LOAD_BATCH = 8;
/** How long after a save the report heads are written (many saves in a row write them once). */
const HEADS_DELAY_MS = 1_000;

const yieldToCalls = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The only writer of a data folder. Opening reads the index and the report heads (what the reports
 * list shows); every report and note file is then read and validated, in the background when opened
 * with `background`, and lives in memory once `ready` resolves, except report texts and source files
 * (large, read on demand). Every change is applied to a copy, validated, written atomically and only
 * then made current, one change at a time, and the caller's promise settles after the disk has it.
 */
export class Store {
  readonly layout: StoreLayout;
  readonly recovered: RecoveryNotice[] = [];
  lastSavedAt: string | null = null;

  private indexDoc!: Doc<IndexDoc>;
  private readonly reportDocs = new Map<string, Doc<ReportDoc>>();
  private readonly shards = new Map<number, Doc<NotesShard>>();
  private readonly noteIndex = new Map<string, Note>();
  /** Every report the index names, from the moment open resolves (before its file is loaded). */
  private readonly heads = new Map<string, ReportHead>();
  /** The stamp of each report and notes file as last read or written, by document key (`report:<id>`, `notes:<n>`). */
  private readonly stamps = new Map<string, string>();
  /** Lookups by id, kept with every load and save, so no call scans every report. */
  private readonly findingReports = new Map<string, string>();
  private readonly annotationReports = new Map<string, string>();
  private readonly sourceReports = new Map<string, string[]>();
  private readonly headsAdapter: ReturnType<typeof headsFile>;
  private headsDirty = false;
  private headsTimer: NodeJS.Timeout | null = null;
  private readonly cacheWrites = new Set<Promise<unknown>>();
  private loadedAll = false;
  private closing = false;
  private closingDone: Promise<void> | null = null;
  /**
   * Resolves once every report and note file is loaded and validated (damaged ones recovered). Reads
   * other than `index`, `reportHead(s)` and `stampOf` are complete only after it; writes wait for it.
   */
  ready: Promise<void> = Promise.resolve();
  private queue: Promise<unknown> = Promise.resolve();
  /** The backup being made, if any: they run beside the writes, one at a time. */
  private backups: Promise<unknown> = Promise.resolve();
  private lock: StoreLock | null = null;
  private readonly now: () => Date;
  private closed = false;
  private savedSinceBackup = false;
  /** Set when open could not give back everything the files held (an index from an older backup, or rebuilt): today's backup is then kept, not overwritten. */
  private lostAtOpen = false;
  /** Source files no report names, for the app to read again (see reattach.ts). */
  unattachedSources: string[] = [];
  private readonly listeners = new Set<(change: StoreChange) => void>();
  private readonly sealing: Sealing;
  /** Source files of removed reports and versions, to delete at close if nothing refers to them again. */
  private readonly maybeUnused = new Set<string>();
  /** Evidence files of removed reports, likewise (undo attaches them again). */
  private readonly maybeUnusedEvidence = new Set<string>();
  /** Strings repeated across the files loaded (ids, tags, statuses, owners), each held once. */
  private readonly strings = new StringPool();

  private constructor(
    dir: string,
    private readonly options: OpenStoreOptions,
  ) {
    this.layout = storeLayout(dir);
    this.now = options.now ?? (() => new Date());
    this.sealing = { cipher: options.cipher, on: false };
    this.headsAdapter = headsFile(this.layout.heads, this.sealing, options.fs);
  }

  static async open(dir: string, options: OpenStoreOptions = {}): Promise<Store> {
    const store = new Store(dir, options);
    store.lock = options.lock ?? null;
    try {
      if (!options.readOnly) {
        try {
          for (const folder of [dir, store.layout.reports, store.layout.texts, store.layout.sources, store.layout.notes]) {
            await mkdir(folder, { recursive: true });
          }
        } catch (error) {
          throw openFailure(error);
        }
        store.lock ??= await acquireStoreLock(store.layout.lock);
      } else if (!existsSync(dir)) {
        throw new AppError('not-found', `There is no Liaison Desk data folder at ${dir}.`);
      }
      await store.openIndex(options.migrations ?? MIGRATIONS);
      store.ready = store.loadDocuments();
      // Seen by whoever awaits `ready` (the dispatcher); kept from being reported as unhandled here.
      if (options.background) store.ready.catch(() => undefined);
      else await store.ready;
    } catch (error) {
      await store.lock?.release().catch(() => undefined);
      throw openFailure(error);
    }
    return store;
  }

  // ---- reading -------------------------------------------------------------------------------

  get index(): Readonly<IndexDoc> {
    return this.indexDoc.data;
  }

  /** Whether encryption at rest can be turned on here (a cipher was given), and whether it is on. */
  get encryption(): { available: boolean; on: boolean } {
    return { available: this.sealing.cipher !== undefined, on: this.sealing.on };
  }

  /** The cipher this store was opened with, for a restore into the same data folder. */
  get cipher(): Cipher | undefined {
    return this.sealing.cipher;
  }

  /** Whether every report and note file has been loaded (see `ready`). */
  get loaded(): boolean {
    return this.loadedAll;
  }

  /** Each report's metadata and finding count, in import order; complete from the moment open resolves. */
  reportHeads(): ReportHead[] {
    return this.index.reportIds.flatMap((id) => this.heads.get(id) ?? []);
  }

  reportHead(id: string): ReportHead | undefined {
    return this.heads.get(id);
  }

  /** The stamp of a report or notes file (`report:<id>`, `notes:<n>`) as the store last read or wrote it. */
  stampOf(key: string): string | undefined {
    return this.stamps.get(key);
  }

  /** The report holding a finding, by id, without scanning. */
  findingReportId(findingId: string): string | undefined {
    return this.findingReports.get(findingId);
  }

  /** The report holding an annotation, by id, without scanning. */
  annotationReportId(annotationId: string): string | undefined {
    return this.annotationReports.get(annotationId);
  }

  /** The reports made from the source file with this sha256 (one, unless a recovery re-attached a copy). */
  reportIdsWithSource(sha256: string): readonly string[] {
    return this.sourceReports.get(sha256) ?? [];
  }

  reportDoc(id: string): ReportDoc | undefined {
    return this.reportDocs.get(id)?.data;
  }

  allReportDocs(): ReportDoc[] {
    return this.index.reportIds.flatMap((id) => this.reportDocs.get(id)?.data ?? []);
  }

  note(id: string): Note | undefined {
    return this.noteIndex.get(id);
  }

  allNotes(): Note[] {
    return [...this.noteIndex.values()];
  }

  /** The notes kept in one notes file (`notes:<shard>`), as loaded. */
  notesOfShard(shard: number): readonly Note[] {
    return this.shards.get(shard)?.data.notes ?? [];
  }

  async readText(sha256: string): Promise<TextDoc> {
    const adapter = new DurableJsonFile(this.pendingRemoval(this.layout.text(sha256)), (d) => TextDoc.parse(d));
    const text = await adapter.read();
    if (!text) throw new AppError('not-found', 'The text of this document is missing from the data folder.');
    return text;
  }

  async readSource(sha256: string): Promise<Buffer> {
    return readFile(this.pendingRemoval(this.layout.source(sha256)));
  }

  /** A file whose report was removed in this session is kept, claimed, until close (undo may want it): read it there. */
  private pendingRemoval(file: string): string {
    return !existsSync(file) && existsSync(`${file}${REMOVING}`) ? `${file}${REMOVING}` : file;
  }

  /** Puts back a file claimed for removal in this session, for a report that uses it again; true if it did. */
  private async reclaim(file: string): Promise<boolean> {
    if (existsSync(file)) return true;
    if (!existsSync(`${file}${REMOVING}`)) return false;
    await unclaim([`${file}${REMOVING}`]);
    return existsSync(file);
  }

  /** An evidence file's bytes as attached (decrypted when the store is encrypted at rest). */
  async readEvidence(sha256: string): Promise<Buffer> {
    const bytes = await readFile(this.layout.evidenceFile(sha256)).catch(() => {
      throw new AppError('not-found', 'This evidence file is missing from the data folder.');
    });
    return unseal(bytes, this.sealing.cipher);
  }

  /** Calls `listener` after each successful write; returns the function that stops it. */
  onChange(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- writing -------------------------------------------------------------------------------

  /** Changes the index (settings, papers, links). `change` edits a draft; its return value is passed back. */
  updateIndex<R>(change: (draft: IndexDoc) => R): Promise<R> {
    return this.write(async () => {
      const draft = structuredClone(this.indexDoc.data);
      const result = change(draft);
      await this.save(this.indexDoc, IndexDoc.parse(draft));
      this.changed({ kind: 'index' });
      return result;
    });
  }

  updateReport<R>(id: string, change: (draft: ReportDoc) => R): Promise<R> {
    return this.write(async () => {
      const doc = this.reportDocs.get(id);
      if (!doc) throw new AppError('not-found', `There is no report with id ${id}.`);
      const before = doc.data;
      const draft = structuredClone(before);
      const result = change(draft);
      await this.save(doc, ReportDoc.parse(draft));
      this.track(id, before, doc.data);
      this.headsChanged();
      this.changed({ kind: 'report', id });
      return result;
    });
  }

  /**
   * Adds an imported document, unless the same file (by sha256) is already stored, in which case the
   * existing report's id comes back. The source, its text and the report file are written before the index
   * names the report, so a crash part-way leaves at worst an unreferenced file, never a dangling id.
   */
  addReport(doc: ReportDoc, text: TextDoc, source: Uint8Array): Promise<{ id: string; duplicate: boolean }> {
    return this.write(async () => {
      const valid = ReportDoc.parse(doc);
      const [same] = this.reportIdsWithSource(valid.report.sha256);
      if (same) return { id: same, duplicate: true };
      const version = this.allReportDocs().find((other) => filesOf(other).includes(valid.report.sha256));
      if (version) return { id: version.report.id, duplicate: true };
      const id = valid.report.id;
      if (this.reportDocs.has(id)) throw new AppError('invalid-input', `A report with id ${id} already exists.`);
      const sourceFile = this.layout.source(valid.report.sha256);
      const textFile = this.layout.text(text.sha256);
      const created: string[] = [];
      const reportFile = new Doc(`report:${id}`, this.reportAdapter(id), valid);
      const nextIndex = structuredClone(this.indexDoc.data);
      nextIndex.reportIds.push(id);
      try {
        if (!(await this.reclaim(sourceFile))) {
          created.push(sourceFile);
          await atomicWrite(sourceFile, source, this.options.fs);
        }
        if (!existsSync(textFile)) created.push(textFile);
        await atomicWrite(textFile, JSON.stringify(TextDoc.parse(text)), this.options.fs);
        created.push(this.layout.report(id));
        await reportFile.low.write();
        await this.save(this.indexDoc, nextIndex);
      } catch (error) {
        // What this import wrote goes again, so a refused import leaves nothing to re-attach; unless the index on disk already names it.
        if (!wasRenamed(error) || !existsSync(this.layout.report(id))) for (const file of created) await rm(file, { force: true }).catch(() => undefined);
        throw saveFailure(error);
      }
      this.reportDocs.set(id, reportFile);
      this.track(id, null, valid);
      await this.restamp(reportFile);
      this.headsChanged();
      this.changed({ kind: 'report', id });
      return { id, duplicate: false };
    });
  }

  /**
   * Removes a report from the index, then its file. Its source files and texts (its main file and its other
   * versions) are deleted when the store closes, unless a report refers to them again by then (an undo).
   */
  removeReport(id: string): Promise<boolean> {
    return this.write(async () => {
      const doc = this.reportDocs.get(id);
      if (!doc) return false;
      const nextIndex = structuredClone(this.indexDoc.data);
      nextIndex.reportIds = nextIndex.reportIds.filter((other) => other !== id);
      nextIndex.papers = nextIndex.papers.filter((paper) => paper.reportId !== id);
      const findingIds = new Set(doc.data.findings.map((f) => f.id));
      nextIndex.links = nextIndex.links.filter((l) => !findingIds.has(l.earlierId) && !findingIds.has(l.laterId));
      // A file no other report (or version, or the logo) uses goes with it; at close, so that undo can bring it back.
      const usedElsewhere = new Set(this.allReportDocs().filter((other) => other.report.id !== id).flatMap(filesOf));
      const logo = this.indexDoc.data.settings.logo?.sha256;
      const unused = filesOf(doc.data).filter((sha) => !usedElsewhere.has(sha) && sha !== logo);
      // Claimed before the index changes, so a crash part-way is settled at the next open, never re-attached.
      const files = [this.layout.report(id), ...unused.flatMap((sha) => [this.layout.text(sha), this.layout.source(sha)])];
      const claimed = await claimForRemoval(files).catch(async (error: unknown) => {
        throw saveFailure(error);
      });
      try {
        await this.save(this.indexDoc, nextIndex);
      } catch (error) {
        await unclaim(claimed);
        throw error;
      }
      this.reportDocs.delete(id);
      this.track(id, doc.data, null);
      this.headsChanged();
      await rm(`${this.layout.report(id)}${REMOVING}`, { force: true });
      for (const sha of unused) this.maybeUnused.add(sha);
      for (const sha of evidenceShas([doc.data])) this.maybeUnusedEvidence.add(sha);
      this.changed({ kind: 'index' });
      this.changed({ kind: 'report', id });
      return true;
    });
  }

  /**
   * Keeps an evidence file by its sha256 (once: the same file attached twice is stored once), sealed while
   * encryption at rest is on, and returns the sha256. Attaching it to a finding is a report change after this.
   */
  putEvidence(bytes: Uint8Array): Promise<string> {
    return this.write(async () => {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const file = this.layout.evidenceFile(sha256);
      if (!existsSync(file)) {
        await mkdir(this.layout.evidence, { recursive: true });
        const cipher = this.sealer();
        await atomicWrite(file, cipher ? seal(cipher, Buffer.from(bytes)) : bytes, this.options.fs).catch((error) => {
          throw saveFailure(error);
        });
      }
      return sha256;
    });
  }

  /** Deletes an evidence file no finding refers to any more (a file removed by mistake is attached again from its original). */
  removeEvidenceIfUnused(sha256: string): Promise<boolean> {
    return this.write(async () => {
      if (evidenceShas(this.allReportDocs()).has(sha256)) return false;
      await rm(this.layout.evidenceFile(sha256), { force: true });
      return true;
    });
  }

  /** Stores a source file as received and its text, for a report that will refer to them (another version of it). */
  putSourceFile(text: TextDoc, source: Uint8Array): Promise<void> {
    return this.write(async () => {
      const valid = TextDoc.parse(text);
      const sourceFile = this.layout.source(valid.sha256);
      if (!(await this.reclaim(sourceFile))) await atomicWrite(sourceFile, source, this.options.fs);
      await atomicWrite(this.layout.text(valid.sha256), JSON.stringify(valid), this.options.fs);
    });
  }

  /** A source file (and its text) no report may need any more: deleted when the store closes if still unused then. */
  forgetFile(sha256: string): void {
    this.maybeUnused.add(sha256);
  }

  /** Rewrites a source's extracted text, when re-extraction reads the same file differently (a newer reader). */
  replaceText(text: TextDoc): Promise<void> {
    return this.write(async () => {
      await atomicWrite(this.layout.text(text.sha256), JSON.stringify(TextDoc.parse(text)), this.options.fs);
    });
  }

  /** Creates or replaces a note. */
  putNote(note: Note): Promise<void> {
    return this.write(async () => {
      const shard = noteShardOf(note.id);
      const doc = this.shardDoc(shard);
      const notes = doc.data.notes.filter((n) => n.id !== note.id);
      notes.push(note);
      await this.save(doc, NotesShard.parse({ notes }));
      this.noteIndex.set(note.id, note);
      this.changed({ kind: 'note', id: note.id });
    });
  }

  removeNote(id: string): Promise<boolean> {
    return this.write(async () => {
      if (!this.noteIndex.has(id)) return false;
      const doc = this.shardDoc(noteShardOf(id));
      await this.save(doc, { notes: doc.data.notes.filter((n) => n.id !== id) });
      this.noteIndex.delete(id);
      this.changed({ kind: 'note', id });
      return true;
    });
  }

  /**
   * Turns encryption at rest on or off: every report and notes file, then every backup, is rewritten
   * in the new form one at a time through the normal atomic write, and the index last, recording the
   * choice. A stop part-way leaves a mix of plain and sealed files that opens (each file says which it
   * is), and the next open finishes the job in the index's form, which is still the old one.
   */
  setEncryption(on: boolean): Promise<void> {
    return this.write(async () => {
      const cipher = this.sealing.cipher;
      // Without a cipher the store is plain (an encrypted one would not have opened), so "off" is already so.
      if (!cipher && !on) return;
      if (!cipher) {
        throw new AppError(
          'not-available',
          "Encryption at rest is not available here: only the desktop app can encrypt, using your operating system account's key store.",
        );
      }
      // A backup under way was snapshotted in the old form; let it land, so the conversion below covers it.
      await this.backups;
      const previous = this.sealing.on;
      this.sealing.on = on;
      try {
        for (const doc of [...this.reportDocs.values(), ...this.shards.values()]) {
          await doc.low.write();
          await this.restamp(doc);
        }
        await this.writeHeads();
        // The search index holds the words of notes and annotations: it is written again, sealed, by its owner.
        if (on) await rm(this.layout.searchIndex, { force: true });
        await this.convertEvidence(on, cipher);
        await convertBackups(this.layout, on, cipher, this.options.fs);
        const next = structuredClone(this.indexDoc.data);
        next.encryptAtRest = on;
        await this.save(this.indexDoc, IndexDoc.parse(next));
      } catch (error) {
        this.sealing.on = previous;
        throw saveFailure(error);
      }
      this.changed({ kind: 'index' });
    });
  }

  /**
   * Writes a backup now, then keeps only the best ones. The snapshot is taken in turn with the writes, so
   * it holds every write queued before it; the backup itself is made in a worker (backup-off-thread.ts)
   * while later writes go ahead. Backups run one at a time.
   */
  backupNow(): Promise<string> {
    const taken = this.write(async () => {
      this.savedSinceBackup = false;
      return { snapshot: this.snapshot(), cipher: this.sealer(), now: this.now() };
    });
    const run = this.backups.then(async () => {
      const { snapshot, cipher, now } = await taken;
      try {
        const file = await writeBackupOffThread(this.layout, snapshot, now, cipher, this.lostAtOpen);
        await rotateBackups(this.layout, this.options.backupsToKeep ?? 14, this.sealing.cipher, now);
        return file;
      } catch (error) {
        this.savedSinceBackup = true;
        throw error;
      }
    });
    this.backups = run.catch(() => undefined);
    return run;
  }

  /**
   * The whole store, sources and texts included, as one archive file the officer can keep or move.
   * From an encrypted store it is sealed (only this account can restore it) unless `unencrypted` is
   * asked for; an unencrypted archive restores as an unencrypted store.
   */
  exportArchive(file: string, options: { unencrypted?: boolean } = {}): Promise<void> {
    return this.write(() => {
      const snapshot = this.snapshot();
      const cipher = options.unencrypted ? undefined : this.sealer();
      if (!cipher && snapshot.index.encryptAtRest !== undefined) {
        // A plain archive restores as a plain store, wherever it goes.
        snapshot.index = { ...snapshot.index };
        delete snapshot.index.encryptAtRest;
      }
      return writeFullArchive(this.layout, snapshot, file, this.now(), cipher, this.sealing.cipher);
    });
  }

  /** Closes the store but keeps its lock and hands it over (to a restore, then to the store opened after it), so no other process can step in between. */
  async closeKeepingLock(): Promise<StoreLock | null> {
    const lock = this.lock;
    this.lock = null;
    await this.close();
    return lock;
  }

  /**
   * Writes a derived file (the search index) outside the queue of saves, unless the store is closing
   * or read-only; close waits for writes under way.
   */
  writeCache(write: () => Promise<void>): Promise<void> {
    if (this.options.readOnly || this.closing) return Promise.resolve();
    const run = write();
    this.cacheWrites.add(run);
    void run.catch(() => undefined).finally(() => this.cacheWrites.delete(run));
    return run;
  }

  /** Whether close has been asked for: background work stops at its next step. */
  get isClosing(): boolean {
    return this.closing;
  }

  close(): Promise<void> {
    this.closingDone ??= this.closeOnce();
    return this.closingDone;
  }

  private async closeOnce(): Promise<void> {
    if (this.closed) return;
    this.closing = true;
    // A background load stops at its next batch.
    await this.ready.catch(() => undefined);
    // Today's backup was taken at open; refresh it so what was done today is in a backup too.
    if (this.savedSinceBackup && !this.options.skipDailyBackup) {
      // A failed backup must not stop the app closing; the last good one stays and is tried again next time.
      await this.backupNow().catch(() => undefined);
    }
    this.closed = true;
    await this.queue.catch(() => undefined);
    await this.deleteUnusedFiles();
    if (this.headsTimer) clearTimeout(this.headsTimer);
    if (this.headsDirty && this.loadedAll) await this.writeHeads().catch(() => undefined);
    await Promise.allSettled([...this.cacheWrites]);
    await this.backups;
    await this.lock?.release();
  }

  // ---- internals -----------------------------------------------------------------------------

  private write<R>(task: () => Promise<R>): Promise<R> {
    if (this.options.readOnly) {
      return Promise.reject(new AppError('forbidden', 'The store was opened read-only.'));
    }
    if (this.closed) return Promise.reject(new AppError('not-available', 'The store is closed.'));
    const start = async () => {
      await this.ready;
      return task();
    };
    const run = this.queue.then(start, start);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Deletes the files of removed reports and versions that nothing refers to (an undo may have brought them back). */
  /** At close: removes the files of removed reports that nothing uses again, and puts back those something does. */
  private async deleteUnusedFiles(): Promise<void> {
    if (this.options.readOnly || (this.maybeUnused.size === 0 && this.maybeUnusedEvidence.size === 0)) return;
    const used = new Set(this.allReportDocs().flatMap(filesOf));
    const logo = this.indexDoc.data.settings.logo?.sha256;
    if (logo) used.add(logo);
    for (const sha of this.maybeUnused) {
      for (const file of [this.layout.text(sha), this.layout.source(sha)]) {
        if (used.has(sha)) await this.reclaim(file).catch(() => undefined);
        else await rm(file, { force: true }).catch(() => undefined);
        await rm(`${file}${REMOVING}`, { force: true }).catch(() => undefined);
      }
    }
    this.maybeUnused.clear();
    const attached = evidenceShas(this.allReportDocs());
    for (const sha of this.maybeUnusedEvidence) {
      if (!attached.has(sha)) await rm(this.layout.evidenceFile(sha), { force: true }).catch(() => undefined);
    }
    this.maybeUnusedEvidence.clear();
  }

  private changed(change: StoreChange): void {
    for (const listener of this.listeners) {
      // The write is on disk already; a failing listener must not make it look as if it was not.
      try {
        listener(change);
      } catch {
        continue;
      }
    }
  }

  private async save<T>(doc: Doc<T>, next: T): Promise<void> {
    try {
      await doc.commit(next);
    } catch (error) {
      throw saveFailure(error);
    }
    this.savedSinceBackup = true;
    this.lastSavedAt = isoNow(this.now);
    if (doc.key.startsWith('report:') || doc.key.startsWith('notes:')) await this.restamp(doc);
  }

  private async restamp(doc: { key: string; adapter: { file: string } }): Promise<void> {
    const stamp = await stampOf(doc.adapter.file).catch(() => null);
    if (stamp) this.stamps.set(doc.key, stamp);
    else this.stamps.delete(doc.key);
  }

  /** Keeps the id lookups and the report's head in step with a report that was loaded, saved or removed. */
  private track(id: string, before: ReportDoc | null, after: ReportDoc | null): void {
    if (before) {
      for (const f of before.findings) if (this.findingReports.get(f.id) === id) this.findingReports.delete(f.id);
      for (const a of before.annotations) if (this.annotationReports.get(a.id) === id) this.annotationReports.delete(a.id);
      const sharing = (this.sourceReports.get(before.report.sha256) ?? []).filter((other) => other !== id);
      if (sharing.length) this.sourceReports.set(before.report.sha256, sharing);
      else this.sourceReports.delete(before.report.sha256);
    }
    if (after) {
      for (const f of after.findings) this.findingReports.set(f.id, id);
      for (const a of after.annotations) this.annotationReports.set(a.id, id);
      const sharing = this.sourceReports.get(after.report.sha256) ?? [];
      if (!sharing.includes(id)) this.sourceReports.set(after.report.sha256, [...sharing, id]);
      this.heads.set(id, headOf(after));
    } else {
      this.heads.delete(id);
      this.stamps.delete(`report:${id}`);
    }
  }

  private headsChanged(): void {
    this.headsDirty = true;
    if (this.options.readOnly || !this.loadedAll || this.headsTimer) return;
    this.headsTimer = setTimeout(() => {
      this.headsTimer = null;
      void this.writeCache(() => this.writeHeads()).catch(() => undefined);
    }, HEADS_DELAY_MS);
    this.headsTimer.unref();
  }

  /** Writes `cache/reports.json`: every head with the stamp of the file it came from. */
  private async writeHeads(): Promise<void> {
    if (this.options.readOnly) return;
    this.headsDirty = false;
    const entries: [string, CachedHead][] = [];
    for (const id of this.index.reportIds) {
      const head = this.heads.get(id);
      const stamp = this.stamps.get(`report:${id}`);
      if (head && stamp) entries.push([id, { ...head, stamp }]);
    }
    await mkdir(this.layout.cache, { recursive: true });
    try {
      await writeHeads(this.headsAdapter, entries);
    } catch (error) {
      this.headsDirty = true;
      throw error;
    }
  }

  private snapshot() {
    return {
      index: this.indexDoc.data,
      reports: this.allReportDocs(),
      shards: [...this.shards.entries()].map(([shard, doc]) => ({ shard, notes: doc.data })),
    };
  }

  private reportAdapter(id: string) {
    return new DurableJsonFile(this.layout.report(id), (d) => ReportDoc.parse(d), this.options.fs, this.sealing);
  }

  /** The cipher writes use now: only while encryption is on. */
  private sealer(): Cipher | undefined {
    return this.sealing.on ? this.sealing.cipher : undefined;
  }

  /**
   * Brings every file to the form the index records, finishing a setEncryption that stopped part-way
   * (the index is written last, so it still holds the previous choice). Without a cipher there is
   * nothing to do: a sealed file would already have stopped the open.
   */
  private async converge(): Promise<void> {
    const cipher = this.sealing.cipher;
    if (!cipher) return;
    const want = this.sealing.on;
    const docs: { adapter: { sealedOnDisk: boolean | null }; low: { write(): Promise<void> } }[] = [...this.reportDocs.values(), ...this.shards.values(), this.indexDoc];
    for (const doc of docs) {
      if (doc.adapter.sealedOnDisk !== null && doc.adapter.sealedOnDisk !== want) await doc.low.write();
    }
    for (const doc of [...this.reportDocs.values(), ...this.shards.values()]) await this.restamp(doc);
    await this.convertEvidence(want, cipher);
    await convertBackups(this.layout, want, cipher, this.options.fs);
  }

  /** Seals or unseals every evidence file not yet in the form wanted, one atomic write each. */
  private async convertEvidence(sealed: boolean, cipher: Cipher): Promise<void> {
    const names = await readdir(this.layout.evidence).catch(() => [] as string[]);
    for (const name of names.filter((n) => /^[0-9a-f]{64}$/.test(n))) {
      const file = this.layout.evidenceFile(name);
      const bytes = await readFile(file);
      if (isSealed(bytes) === sealed) continue;
      await atomicWrite(file, sealed ? seal(cipher, bytes) : unseal(bytes, cipher), this.options.fs);
    }
  }

  private shardDoc(shard: number): Doc<NotesShard> {
    let doc = this.shards.get(shard);
    if (!doc) {
      const adapter = new DurableJsonFile(this.layout.noteShard(shard), (d) => NotesShard.parse(d), this.options.fs, this.sealing);
      doc = new Doc(`notes:${shard}`, adapter, { notes: [] });
      this.shards.set(shard, doc);
    }
    return doc;
  }

  /**
   * What the first screen needs: migrations, the index, and every report's head, from the heads cache
   * where its stamp still matches the report file and from the file itself where it does not.
   */
  private async openIndex(migrations: Migration[]): Promise<void> {
    await runMigrations(this.layout, migrations, { cipher: this.sealing.cipher, readOnly: !!this.options.readOnly, fs: this.options.fs });
    const indexAdapter = new DurableJsonFile(this.layout.index, (d) => IndexDoc.parse(d), this.options.fs, this.sealing);
    const index = (await this.readOrRecover('index', indexAdapter, (d) => IndexDoc.parse(d))) ?? emptyIndex();
    // Stop before reading anything else: without the cipher this store's files cannot be read or written as the officer chose.
    if (index.encryptAtRest && !this.sealing.cipher) throw encryptedStoreError();
    this.sealing.on = index.encryptAtRest === true;
    this.indexDoc = new Doc('index', indexAdapter, index);
    if (!existsSync(this.layout.index) && !this.options.readOnly) await this.indexDoc.low.write();

    if (!this.options.readOnly) await settleRemovals(this.layout, new Set(index.reportIds), null);
    const cached = await readHeads(this.headsAdapter);
    const stamps = stampsOfSync(index.reportIds.map((id) => this.layout.report(id)));
    const stale: string[] = [];
    index.reportIds.forEach((id, i) => {
      const head = cached.get(id);
      const stamp = stamps[i];
      if (head && stamp && head.stamp === stamp) {
        this.heads.set(id, { report: head.report, findingCount: head.findingCount });
        this.stamps.set(`report:${id}`, stamp);
      } else stale.push(id);
    });
    if (stale.length || cached.size !== index.reportIds.length) this.headsDirty = true;
    await this.loadReports(stale);

    const shardStamps = stampsOfSync(Array.from({ length: NOTE_SHARDS }, (_, shard) => this.layout.noteShard(shard)));
    shardStamps.forEach((stamp, shard) => stamp && this.stamps.set(`notes:${shard}`, stamp));
  }

  /** Every report and note file not read yet, validated; then the files are brought to the form the index records. */
  private async loadDocuments(): Promise<void> {
    await this.loadReports(this.index.reportIds.filter((id) => !this.reportDocs.has(id)));
    await this.loadNotes();
    await this.reattach();
    if (!this.options.readOnly) await this.converge();
    this.loadedAll = true;
    if (this.headsDirty && !this.options.readOnly) await this.writeCache(() => this.writeHeads()).catch(() => undefined);
  }

  /** Reads report files a batch at a time, so calls go on being answered; a file neither readable nor recoverable leaves the index. */
  private async loadReports(ids: readonly string[]): Promise<void> {
    const missing: string[] = [];
    for (let i = 0; i < ids.length; i += LOAD_BATCH) {
      if (this.closing) throw new AppError('not-available', 'The store was closed while it was loading.');
      await Promise.all(
        ids.slice(i, i + LOAD_BATCH).map(async (id) => {
          const adapter = this.reportAdapter(id);
          const data = await this.readOrRecover(`report:${id}`, adapter, (d) => ReportDoc.parse(d));
          if (!data) return missing.push(id);
          shareReportStrings(data, this.strings);
          const doc = new Doc(`report:${id}`, adapter, data);
          const stamp = await stampOf(adapter.file);
          if (stamp !== this.stamps.get(doc.key)) this.headsDirty = true;
          this.reportDocs.set(id, doc);
          this.track(id, null, data);
          if (stamp) this.stamps.set(doc.key, stamp);
        }),
      );
      if (ids.length > LOAD_BATCH) await yieldToCalls();
    }
    if (!missing.length) return;
    const lost = new Set(missing);
    for (const id of missing) this.heads.delete(id);
    if (this.options.readOnly) return;
    const next = structuredClone(this.indexDoc.data);
    next.reportIds = next.reportIds.filter((id) => !lost.has(id));
    await this.indexDoc.commit(IndexDoc.parse(next));
  }

  private async loadNotes(): Promise<void> {
    for (let shard = 0; shard < NOTE_SHARDS; shard++) {
      if (this.closing) throw new AppError('not-available', 'The store was closed while it was loading.');
      const file = this.layout.noteShard(shard);
      if (!existsSync(file)) continue;
      const adapter = new DurableJsonFile(file, (d) => NotesShard.parse(d), this.options.fs, this.sealing);
      const data = (await this.readOrRecover(`notes:${shard}`, adapter, (d) => NotesShard.parse(d))) ?? { notes: [] };
      const doc = new Doc(`notes:${shard}`, adapter, data);
      this.shards.set(shard, doc);
      for (const note of data.notes) {
        shareNoteStrings(note, this.strings);
        this.noteIndex.set(note.id, note);
      }
      await this.restamp(doc);
      await yieldToCalls();
    }
  }

  /**
   * After load: settles removals a crash interrupted, then re-attaches every valid report file the
   * index does not name (see reattach.ts), records a rebuilt index, and remembers whether open lost
   * anything, so today's backup is not overwritten by this store.
   */
  private async reattach(): Promise<void> {
    const named = new Set(this.indexDoc.data.reportIds);
    const namedShas = new Set(this.allReportDocs().flatMap(filesOf));
    const logo = this.indexDoc.data.settings.logo?.sha256;
    if (logo) namedShas.add(logo);
    if (!this.options.readOnly) await settleRemovals(this.layout, named, namedShas);
    const orphans = await findOrphans(this.layout, named, namedShas, (id) => this.reportAdapter(id).read());
    const indexLost = this.recovered.find((n) => n.file === 'index.json' && n.action === undefined);
    this.lostAtOpen = this.recovered.some((n) => n.action === undefined);
    if (indexLost && indexLost.restoredFrom === null) {
      this.recovered.push(
        notice(
          this.layout,
          this.layout.index,
          'rebuilt',
          'the index and every backup of it were damaged, so the store was rebuilt from the report and note files: every report and note on disk is back; settings, board papers and links between findings could not be recovered',
        ),
      );
    }
    this.recovered.push(...orphans.notices);
    this.unattachedSources = orphans.sources;
    if (!orphans.reports.length) return;
    for (const doc of orphans.reports) {
      const reattached = new Doc(`report:${doc.report.id}`, this.reportAdapter(doc.report.id), doc);
      this.reportDocs.set(doc.report.id, reattached);
      this.track(doc.report.id, null, doc);
      await this.restamp(reattached);
    }
    this.headsDirty = true;
    const next = structuredClone(this.indexDoc.data);
    next.reportIds.push(...orphans.reports.map((doc) => doc.report.id));
    if (this.options.readOnly) this.indexDoc.low.data = IndexDoc.parse(next);
    else await this.indexDoc.commit(IndexDoc.parse(next));
  }

  /**
   * Reads one document; if it is damaged, sets it aside, puts back the newest valid copy from the
   * backups, and records what happened so the UI can tell the officer.
   */
  private async readOrRecover<T>(key: string, adapter: DurableJsonFile<T>, validate: Validator<T>): Promise<T | null> {
    const expectedToExist = key.startsWith('report:');
    try {
      const data = await adapter.read();
      if (data !== null || !expectedToExist) return data;
    } catch (error) {
      if (!(error instanceof DamagedFileError)) throw error;
      if (key === 'index' && error instanceof UndecryptableFileError) {
        throw new AppError(
          'unreadable',
          "This data folder's index is encrypted with a key this user account does not have, or it is damaged; nothing was changed. Open it in the Liaison Desk desktop app on the account that encrypted it.",
        );
      }
      if (this.options.readOnly) {
        throw new AppError('unreadable', `${error.message}. Open the app once to recover it from a backup.`);
      }
      const setAsideAs = await setAside(this.layout, adapter.file, this.now());
      const found = await findInBackups(this.layout, key, validate, this.sealing.cipher, this.now());
      if (found) await adapter.write(found.data);
      this.recovered.push(describeRecovery(this.layout, adapter.file, setAsideAs, error.problem, found?.backup ?? null));
      return found?.data ?? null;
    }
    // A report the index names but whose file has gone.
    if (this.options.readOnly) return null;
    const found = await findInBackups(this.layout, key, validate, this.sealing.cipher, this.now());
    if (found) await adapter.write(found.data);
    this.recovered.push(describeRecovery(this.layout, adapter.file, adapter.file, 'the file was missing', found?.backup ?? null));
    return found?.data ?? null;
  }

  /**
   * Today's backup, unless there is one already. The app starts it after the first screen, in the
   * background (app.ts), never inside open; skipped with `skipDailyBackup`.
   */
  async backupIfDue(): Promise<string | null> {
    if (this.options.skipDailyBackup || this.options.readOnly || this.closed) return null;
    const today = this.now().toISOString().slice(0, 10);
    if (existsSync(`${this.layout.backups}/backup-${today}.ldarchive`)) return null;
    return this.backupNow();
  }
}

/** The source files a report refers to: its main file and its other versions. */
function filesOf(doc: ReportDoc): string[] {
  return [doc.report.sha256, ...(doc.report.versions ?? []).map((v) => v.sha256)];
}

function emptyIndex(): IndexDoc {
  return IndexDoc.parse({ schemaVersion: SCHEMA_VERSION, reportIds: [], settings: { ...DEFAULT_SETTINGS }, papers: [], links: [] });
}
