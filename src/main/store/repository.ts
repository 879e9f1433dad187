import { mkdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { RecoveryNotice } from '../../shared/api/app';
import { AppError } from '../../shared/api/result';
import { DEFAULT_SETTINGS, type Note } from '../../shared/domain';
import { atomicWrite, type WriteFs } from './atomic-write';
import { DamagedFileError, DurableJsonFile, UndecryptableFileError } from './durable-json-file';
import { encryptedStoreError, type Cipher, type Sealing } from './cipher';
import { IndexDoc, NotesShard, ReportDoc, SCHEMA_VERSION, TextDoc } from './schema';
import { noteShardOf, NOTE_SHARDS, storeLayout, type StoreLayout } from './layout';
import { acquireStoreLock } from './lock';
import { describeRecovery, findInBackups, setAside } from './recovery';
import { MIGRATIONS, runMigrations, type Migration } from './migrations';
import { Doc } from './doc';
import { saveFailure } from './save-failure';
import { convertBackups, writeBackup, rotateBackups, writeFullArchive } from './backups';

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
}

type Validator<T> = (data: unknown) => T;

/** What a successful write changed, for in-memory views of the store (the search index) to follow. */
export type StoreChange = { kind: 'report'; id: string } | { kind: 'note'; id: string } | { kind: 'index' };

const isoNow = (now: () => Date) => now().toISOString();

/**
 * The only writer of a data folder. Everything lives in memory once opened, except report texts and
 * source files (large, read on demand). Every change is applied to a copy, validated, written
 * atomically and only then made current, one change at a time, and the caller's promise settles
 * after the disk has it.
 */
export class Store {
  readonly layout: StoreLayout;
  readonly recovered: RecoveryNotice[] = [];
  lastSavedAt: string | null = null;

  private indexDoc!: Doc<IndexDoc>;
  private readonly reportDocs = new Map<string, Doc<ReportDoc>>();
  private readonly shards = new Map<number, Doc<NotesShard>>();
  private readonly noteIndex = new Map<string, Note>();
  private queue: Promise<unknown> = Promise.resolve();
  private releaseLock: (() => Promise<void>) | null = null;
  private readonly now: () => Date;
  private closed = false;
  private savedSinceBackup = false;
  private readonly listeners = new Set<(change: StoreChange) => void>();
  private readonly sealing: Sealing;
  /** Source files of removed reports and versions, to delete at close if nothing refers to them again. */
  private readonly maybeUnused = new Set<string>();

  private constructor(
    dir: string,
    private readonly options: OpenStoreOptions,
  ) {
    this.layout = storeLayout(dir);
    this.now = options.now ?? (() => new Date());
    this.sealing = { cipher: options.cipher, on: false };
  }

  static async open(dir: string, options: OpenStoreOptions = {}): Promise<Store> {
    const store = new Store(dir, options);
    if (!options.readOnly) {
      for (const folder of [dir, store.layout.reports, store.layout.texts, store.layout.sources, store.layout.notes]) {
        await mkdir(folder, { recursive: true });
      }
      store.releaseLock = await acquireStoreLock(store.layout.lock);
    } else if (!existsSync(dir)) {
      throw new AppError('not-found', `There is no Liaison Desk data folder at ${dir}.`);
    }
    try {
      await store.load(options.migrations ?? MIGRATIONS);
      if (!options.readOnly) await store.converge();
      if (!options.readOnly && !options.skipDailyBackup) await store.dailyBackup();
    } catch (error) {
      await store.releaseLock?.();
      throw error;
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

  async readText(sha256: string): Promise<TextDoc> {
    const adapter = new DurableJsonFile(this.layout.text(sha256), (d) => TextDoc.parse(d));
    const text = await adapter.read();
    if (!text) throw new AppError('not-found', 'The text of this document is missing from the data folder.');
    return text;
  }

  async readSource(sha256: string): Promise<Buffer> {
    return readFile(this.layout.source(sha256));
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
      const draft = structuredClone(doc.data);
      const result = change(draft);
      await this.save(doc, ReportDoc.parse(draft));
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
      const same = this.allReportDocs().find((other) => filesOf(other).includes(valid.report.sha256));
      if (same) return { id: same.report.id, duplicate: true };
      const id = valid.report.id;
      if (this.reportDocs.has(id)) throw new AppError('invalid-input', `A report with id ${id} already exists.`);
      const sourceFile = this.layout.source(valid.report.sha256);
      if (!existsSync(sourceFile)) await atomicWrite(sourceFile, source, this.options.fs);
      await atomicWrite(this.layout.text(text.sha256), JSON.stringify(TextDoc.parse(text)), this.options.fs);
      const reportFile = new Doc(`report:${id}`, this.reportAdapter(id), valid);
      await reportFile.low.write();
      const nextIndex = structuredClone(this.indexDoc.data);
      nextIndex.reportIds.push(id);
      try {
        await this.save(this.indexDoc, nextIndex);
      } catch (error) {
        await rm(this.layout.report(id), { force: true });
        throw error;
      }
      this.reportDocs.set(id, reportFile);
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
      await this.save(this.indexDoc, nextIndex);
      this.reportDocs.delete(id);
      await rm(this.layout.report(id), { force: true });
      for (const sha of filesOf(doc.data)) this.maybeUnused.add(sha);
      this.changed({ kind: 'index' });
      this.changed({ kind: 'report', id });
      return true;
    });
  }

  /** Stores a source file as received and its text, for a report that will refer to them (another version of it). */
  putSourceFile(text: TextDoc, source: Uint8Array): Promise<void> {
    return this.write(async () => {
      const valid = TextDoc.parse(text);
      const sourceFile = this.layout.source(valid.sha256);
      if (!existsSync(sourceFile)) await atomicWrite(sourceFile, source, this.options.fs);
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
      const previous = this.sealing.on;
      this.sealing.on = on;
      try {
        for (const doc of [...this.reportDocs.values(), ...this.shards.values()]) await doc.low.write();
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

  /** Writes today's backup now (also done at open), then keeps only the newest ones. */
  backupNow(): Promise<string> {
    return this.write(async () => {
      const file = await writeBackup(this.layout, this.snapshot(), this.now(), this.sealer());
      this.savedSinceBackup = false;
      await rotateBackups(this.layout, this.options.backupsToKeep ?? 14);
      return file;
    });
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
      return writeFullArchive(this.layout, snapshot, file, this.now(), cipher);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Today's backup was taken at open; refresh it so what was done today is in a backup too.
    if (this.savedSinceBackup && !this.options.skipDailyBackup) {
      // A failed backup must not stop the app closing; the last good one stays and is tried again next time.
      await this.backupNow().catch(() => undefined);
    }
    this.closed = true;
    await this.queue.catch(() => undefined);
    await this.deleteUnusedFiles();
    await this.releaseLock?.();
  }

  // ---- internals -----------------------------------------------------------------------------

  private write<R>(task: () => Promise<R>): Promise<R> {
    if (this.options.readOnly) {
      return Promise.reject(new AppError('forbidden', 'The store was opened read-only.'));
    }
    if (this.closed) return Promise.reject(new AppError('not-available', 'The store is closed.'));
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Deletes the files of removed reports and versions that nothing refers to (an undo may have brought them back). */
  private async deleteUnusedFiles(): Promise<void> {
    if (this.options.readOnly || this.maybeUnused.size === 0) return;
    const used = new Set(this.allReportDocs().flatMap(filesOf));
    const logo = this.indexDoc.data.settings.logo?.sha256;
    if (logo) used.add(logo);
    for (const sha of this.maybeUnused) {
      if (used.has(sha)) continue;
      await rm(this.layout.text(sha), { force: true }).catch(() => undefined);
      await rm(this.layout.source(sha), { force: true }).catch(() => undefined);
    }
    this.maybeUnused.clear();
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
    await convertBackups(this.layout, want, cipher, this.options.fs);
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

  private async load(migrations: Migration[]): Promise<void> {
    await runMigrations(this.layout, migrations, { cipher: this.sealing.cipher, readOnly: !!this.options.readOnly, fs: this.options.fs });
    const indexAdapter = new DurableJsonFile(this.layout.index, (d) => IndexDoc.parse(d), this.options.fs, this.sealing);
    const index = (await this.readOrRecover('index', indexAdapter, (d) => IndexDoc.parse(d))) ?? emptyIndex();
    // Stop before reading anything else: without the cipher this store's files cannot be read or written as the officer chose.
    if (index.encryptAtRest && !this.sealing.cipher) throw encryptedStoreError();
    this.sealing.on = index.encryptAtRest === true;
    this.indexDoc = new Doc('index', indexAdapter, index);
    if (!existsSync(this.layout.index) && !this.options.readOnly) await this.indexDoc.low.write();

    const missing: string[] = [];
    await Promise.all(
      index.reportIds.map(async (id) => {
        const adapter = this.reportAdapter(id);
        const data = await this.readOrRecover(`report:${id}`, adapter, (d) => ReportDoc.parse(d));
        if (data) this.reportDocs.set(id, new Doc(`report:${id}`, adapter, data));
        else missing.push(id);
      }),
    );
    if (missing.length && !this.options.readOnly) {
      const lost = new Set(missing);
      const next = structuredClone(index);
      next.reportIds = next.reportIds.filter((id) => !lost.has(id));
      await this.indexDoc.commit(IndexDoc.parse(next));
    }

    for (let shard = 0; shard < NOTE_SHARDS; shard++) {
      const file = this.layout.noteShard(shard);
      if (!existsSync(file)) continue;
      const adapter = new DurableJsonFile(file, (d) => NotesShard.parse(d), this.options.fs, this.sealing);
      const data = (await this.readOrRecover(`notes:${shard}`, adapter, (d) => NotesShard.parse(d))) ?? { notes: [] };
      this.shards.set(shard, new Doc(`notes:${shard}`, adapter, data));
      for (const note of data.notes) this.noteIndex.set(note.id, note);
    }
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
      const found = await findInBackups(this.layout, key, validate, this.sealing.cipher);
      if (found) await adapter.write(found.data);
      this.recovered.push(describeRecovery(this.layout, adapter.file, setAsideAs, error.problem, found?.backup ?? null));
      return found?.data ?? null;
    }
    // A report the index names but whose file has gone.
    if (this.options.readOnly) return null;
    const found = await findInBackups(this.layout, key, validate, this.sealing.cipher);
    if (found) await adapter.write(found.data);
    this.recovered.push(describeRecovery(this.layout, adapter.file, adapter.file, 'the file was missing', found?.backup ?? null));
    return found?.data ?? null;
  }

  private async dailyBackup(): Promise<void> {
    const today = this.now().toISOString().slice(0, 10);
    if (existsSync(`${this.layout.backups}/backup-${today}.ldarchive`)) return;
    await this.backupNow();
  }
}

/** The source files a report refers to: its main file and its other versions. */
function filesOf(doc: ReportDoc): string[] {
  return [doc.report.sha256, ...(doc.report.versions ?? []).map((v) => v.sha256)];
}

function emptyIndex(): IndexDoc {
  return { schemaVersion: SCHEMA_VERSION, reportIds: [], settings: { ...DEFAULT_SETTINGS }, papers: [], links: [] };
}
