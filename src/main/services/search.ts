import type { SearchHit, SearchKind } from '../../shared/api/search';
import { annotationDoc, findingDoc, keyOf, noteDoc, reportDoc, SearchIndex, type SearchDoc, type SearchKind as IndexedKind } from '../tracking/search-index';
import { readIndexFile, writeIndexFile } from '../search/index-file';
import { TextSearch } from '../search/text-search';
import { noteShardOf, NOTE_SHARDS } from '../store/layout';
import { stampOf } from '../store/stamps';
import type { Store, StoreChange } from '../store/repository';

/** The index every search of the app uses; the benchmark builds the same one. */
export const newSearchIndex = (): SearchIndex => new SearchIndex();

/** What is written to cache/; a file of another version is not read, and is rebuilt. */
const INDEX_VERSION = 1;
/** After a change, the index is written when this long passes without another... */
const PERSIST_QUIET_MS = 30_000;
/** ...and at most this often, so an officer typing notes all day does not rewrite it all day. */
const PERSIST_EVERY_MS = 5 * 60_000;
/** A long build of the text index is written this often, so a stop part-way keeps what was done. */
const TEXTS_PERSIST_EVERY_MS = 60_000;
/** Text hits in an answer: about a quarter of it, at most this many (each is a report's text read and looked through). */
const MOST_TEXT_HITS = 5;

/** Lets calls in between: after about 10 ms of work, one turn of the event loop. */
function timeSlicer() {
  let since = performance.now();
  return async (): Promise<void> => {
    if (performance.now() - since < 10) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}

const pauseAlways = () => new Promise<void>((resolve) => setImmediate(resolve));

function reportDocs(store: Store, id: string): SearchDoc[] {
  const doc = store.reportDoc(id);
  if (!doc) return [];
  return [reportDoc(doc.report), ...doc.findings.map(findingDoc), ...doc.annotations.map(annotationDoc)];
}

/** The store's document behind a hit, read where it lives (no copy is kept in the index). */
function lookup(store: Store, kind: IndexedKind, id: string): SearchDoc | undefined {
  if (kind === 'report') {
    const head = store.reportHead(id);
    return head && reportDoc(head.report);
  }
  if (kind === 'note') {
    const note = store.note(id);
    return note && noteDoc(note);
  }
  const reportId = kind === 'finding' ? store.findingReportId(id) : store.annotationReportId(id);
  const doc = reportId ? store.reportDoc(reportId) : undefined;
  if (kind === 'finding') {
    const finding = doc?.findings.find((f) => f.id === id);
    return finding && findingDoc(finding);
  }
  const annotation = doc?.annotations.find((a) => a.id === id);
  return annotation && annotationDoc(annotation);
}

const sourceOfDoc = (kind: IndexedKind, id: string, reportId: string | null) =>
  kind === 'note' ? `notes:${noteShardOf(id)}` : `report:${kind === 'report' ? id : reportId}`;

/**
 * One store's search. At start it reads the persisted index (cache/search.idx) and answers from it at
 * once, leaving out the documents of any file whose stamp changed since (never trusting them); once the
 * store has loaded it indexes again just those files, adds and drops what changed, and writes the
 * index back. With no usable file (none yet, damaged, another version) it builds the index from the
 * store in the background and searches wait for it. From then on it follows the store's change events,
 * re-indexing only the documents that changed. Report texts have an index of their own
 * (cache/search-texts.idx), kept the same way by the stamp of each text file.
 */
class StoreSearch {
  private index: SearchIndex;
  readonly texts: TextSearch;
  /** The stamp of each source (report file, notes file) as last indexed. */
  private readonly indexed = new Map<string, string>();
  /** Sources whose documents are left out of answers until indexed again. */
  readonly untrusted = new Set<string>();
  private readonly pending: StoreChange[] = [];
  private reconciled = false;
  private dirty = false;
  private textsDirty = false;
  private persistTimer: NodeJS.Timeout | null = null;
  private lastPersist = 0;
  /** Whether the index file was last written sealed (null: not written by this run). */
  private persistedSealed: boolean | null = null;
  /** Texts of reports saved or imported since the start, indexed one after another. */
  textQueue: Promise<void> = Promise.resolve();
  private usable!: { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void };
  /** Resolves when the index and the text index are current with the store. */
  readonly settled: Promise<void>;

  constructor(private readonly store: Store) {
    this.index = this.emptyIndex();
    this.texts = new TextSearch(async (reportId) => {
      const head = store.reportHead(reportId);
      return head ? (await store.readText(head.report.sha256)).text : null;
    });
    let resolve!: () => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
    promise.catch(() => undefined);
    this.usable = { promise, resolve, reject };
    store.onChange((change) => {
      if (this.reconciled) this.apply(change);
      else this.pending.push(change);
    });
    this.settled = this.start();
    this.settled.catch(() => undefined);
  }

  /** Resolves once the index can answer (read from its file, or built). */
  whenUsable(): Promise<void> {
    return this.usable.promise;
  }

  search(q: string, limit: number, kinds?: readonly IndexedKind[]) {
    return this.index.search(q, { limit, kinds, skipSources: this.untrusted });
  }

  private emptyIndex(): SearchIndex {
    return new SearchIndex({ lookup: (kind, id) => lookup(this.store, kind, id), sourceOf: sourceOfDoc });
  }

  private async start(): Promise<void> {
    try {
      const [loaded] = await Promise.all([this.loadIndex(), this.loadTexts()]);
      if (loaded) this.usable.resolve();
      await this.store.ready;
      // What bringing the index up to date needs (its documents by key and by source), filled in only now:
      // before, it would take turns with the store loading and the officer's first searches.
      if (loaded) await this.index.keyInBackground(timeSlicer());
      await this.reconcile();
      this.usable.resolve();
    } catch (error) {
      this.usable.reject(error);
      throw error;
    } finally {
      this.index.closeDocstore();
    }
    if (this.dirty) await this.persist().catch(() => undefined);
    await this.reconcileTexts();
  }

  private async loadIndex(): Promise<boolean> {
    const file = await readIndexFile(this.store.layout.searchIndex, this.store.cipher);
    if (!file) return false;
    const stamps = file.meta.stamps;
    if (file.meta.version !== INDEX_VERSION || file.meta.kind !== 'records' || typeof stamps !== 'object' || stamps === null) {
      file.tail?.close();
      return false;
    }
    try {
      this.index = SearchIndex.fromFile(file, { lookup: (kind, id) => lookup(this.store, kind, id), sourceOf: sourceOfDoc });
    } catch {
      file.tail?.close();
      return false;
    }
    for (const [source, stamp] of Object.entries(stamps)) if (typeof stamp === 'string') this.indexed.set(source, stamp);
    for (const source of this.index.sources) {
      if (this.indexed.get(source) !== this.store.stampOf(source)) this.untrusted.add(source);
    }
    return true;
  }

  private async loadTexts(): Promise<void> {
    const file = await readIndexFile(this.store.layout.textIndex);
    if (!file || file.meta.version !== INDEX_VERSION || file.meta.kind !== 'texts') return;
    try {
      this.texts.load(file.sections);
    } catch {
      // Damaged in a way the hashes could not see: built again from the texts.
    }
  }

  /** Indexes again every source whose file changed, adds new ones and drops those gone; a build when nothing was read. */
  private async reconcile(): Promise<void> {
    const pause = timeSlicer();
    const present = new Set<string>();
    for (const head of this.store.reportHeads()) {
      if (this.store.isClosing) throw new Error('The store closed while the search index was being brought up to date.');
      const source = `report:${head.report.id}`;
      present.add(source);
      if (this.isStale(source)) this.indexReport(head.report.id);
      await pause();
    }
    for (let shard = 0; shard < NOTE_SHARDS; shard++) {
      const source = `notes:${shard}`;
      if (this.store.stampOf(source) === undefined) continue;
      present.add(source);
      if (this.isStale(source)) await this.indexShard(shard, pause);
    }
    for (const source of new Set([...this.index.sources, ...this.indexed.keys()])) {
      if (present.has(source)) continue;
      this.index.removeSource(source);
      this.indexed.delete(source);
      this.untrusted.delete(source);
      this.dirty = true;
    }
    this.reconciled = true;
    for (const change of this.pending.splice(0)) this.apply(change);
  }

  private isStale(source: string): boolean {
    const stamp = this.store.stampOf(source);
    return stamp === undefined || this.untrusted.has(source) || this.indexed.get(source) !== stamp;
  }

  private indexReport(id: string): void {
    const source = `report:${id}`;
    const docs = reportDocs(this.store, id);
    const keep = new Set(docs.map((d) => keyOf(d.kind, d.id)));
    for (const old of this.index.documentsOf(source)) {
      if (!keep.has(keyOf(old.kind, old.id))) {
        this.index.remove(old);
        this.dirty = true;
      }
    }
    // An edit of one annotation rewrites the whole report file; only what differs is indexed again.
    for (const doc of docs) if (this.index.replace(doc)) this.dirty = true;
    this.settle(source);
  }

  private async indexShard(shard: number, pause: () => Promise<void>): Promise<void> {
    const source = `notes:${shard}`;
    const notes = this.store.notesOfShard(shard);
    const keep = new Set(notes.map((n) => n.id));
    for (const old of this.index.documentsOf(source)) {
      if (!keep.has(old.id)) {
        this.index.remove(old);
        this.dirty = true;
      }
    }
    for (const note of notes) {
      if (this.index.replace(noteDoc(note))) this.dirty = true;
      await pause();
    }
    this.settle(source);
  }

  /** Records that a source is indexed as its file now is. */
  private settle(source: string): void {
    const stamp = this.store.stampOf(source);
    if (stamp === undefined) this.indexed.delete(source);
    else this.indexed.set(source, stamp);
    this.untrusted.delete(source);
  }

  private apply(change: StoreChange): void {
    if (change.kind === 'note') {
      const note = this.store.note(change.id);
      if (note) this.index.replace(noteDoc(note));
      else this.index.remove({ kind: 'note', id: change.id });
      this.settle(`notes:${noteShardOf(change.id)}`);
    } else if (change.kind === 'report') {
      if (this.store.reportHead(change.id)) this.indexReport(change.id);
      else {
        this.index.removeSource(`report:${change.id}`);
        this.indexed.delete(`report:${change.id}`);
      }
      this.textQueue = this.textQueue.then(() => this.refreshText(change.id)).catch(() => undefined);
    } else {
      // Settings, papers, links: nothing searchable, but encryption at rest may have been turned on or off.
      if (this.persistedSealed === null || this.persistedSealed === this.store.encryption.on) return;
      void this.persist().catch(() => undefined);
      return;
    }
    this.dirty = true;
    this.persistLater();
  }

  private persistLater(): void {
    if (this.persistTimer) return;
    const wait = Math.max(PERSIST_QUIET_MS, this.lastPersist + PERSIST_EVERY_MS - Date.now());
    this.persistTimer = setTimeout(() => {
      this.persistTimer = null;
      void (async () => {
        if (this.dirty) await this.persist();
        if (this.textsDirty) await this.persistTexts();
      })().catch(() => undefined);
    }, wait);
    this.persistTimer.unref();
  }

  /** Writes the index with the stamp of every source; sealed (and without records) while encryption at rest is on. */
  private async persist(): Promise<void> {
    if (this.store.isClosing) return;
    this.dirty = false;
    this.lastPersist = Date.now();
    const sealed = this.store.encryption.on;
    this.persistedSealed = sealed;
    const stamps = Object.fromEntries(this.indexed);
    const contents = await this.index.toFile({ version: INDEX_VERSION, kind: 'records', stamps }, !sealed, timeSlicer());
    await this.store.writeCache(() => writeIndexFile(this.store.layout.searchIndex, contents, sealed ? this.store.cipher : undefined));
  }

  private async persistTexts(): Promise<void> {
    if (this.store.isClosing) return;
    this.textsDirty = false;
    const contents = await this.texts.toFile({ version: INDEX_VERSION, kind: 'texts' }, pauseAlways);
    await this.store.writeCache(() => writeIndexFile(this.store.layout.textIndex, contents));
  }

  /** Indexes the text of every report whose text file is not indexed as it now is; drops reports gone. */
  private async reconcileTexts(): Promise<void> {
    let lastWrite = Date.now();
    const present = new Set<string>();
    for (const head of this.store.reportHeads()) {
      if (this.store.isClosing) return;
      present.add(head.report.id);
      await this.refreshText(head.report.id);
      if (this.textsDirty && Date.now() - lastWrite > TEXTS_PERSIST_EVERY_MS) {
        await this.persistTexts();
        lastWrite = Date.now();
      }
    }
    for (const [id] of this.texts.entries()) {
      if (present.has(id)) continue;
      this.texts.remove(id);
      this.textsDirty = true;
    }
    if (this.textsDirty) await this.persistTexts();
  }

  private async refreshText(reportId: string): Promise<void> {
    const head = this.store.reportHead(reportId);
    if (!head) {
      if (this.texts.stampOf(reportId) !== undefined) {
        this.texts.remove(reportId);
        this.textsDirty = true;
      }
      return;
    }
    const { sha256 } = head.report;
    const file = await stampOf(this.store.layout.text(sha256)).catch(() => null);
    const stamp = file && `${sha256}:${file}`;
    if (stamp && this.texts.stampOf(reportId) === stamp) return;
    const text = stamp ? await this.store.readText(sha256).catch(() => null) : null;
    if (text) this.texts.add(reportId, stamp!, text.text);
    else this.texts.remove(reportId);
    this.textsDirty = true;
    // Tokenising a long text is the heaviest step here: let calls in after each one.
    await pauseAlways();
    if (this.reconciled && this.textsDirty && !this.persistTimer) this.persistLater();
  }
}

const searches = new WeakMap<Store, StoreSearch>();

function searchOf(store: Store): StoreSearch {
  let search = searches.get(store);
  if (!search) {
    search = new StoreSearch(store);
    searches.set(store, search);
  }
  return search;
}

/**
 * Starts the store's search: its persisted index is read at once and answers from then on (a missing
 * one is built in the background once the store has loaded). Long-running hosts call this once the
 * store is open. Resolves when searches can be answered.
 */
export async function warmSearch(store: Store): Promise<void> {
  await searchOf(store).whenUsable();
}

/** Resolves when the index and the text index are current with the store (for tests and the benchmark). */
export async function searchSettled(store: Store): Promise<void> {
  await searchOf(store).settled;
}

/**
 * Searches reports, findings, annotations and notes, and the report texts (kind "text", with the passage
 * as `anchor`); best matches first within each, texts last.
 */
export async function searchStore(store: Store, q: string, options: { limit?: number; kinds?: readonly SearchKind[] } = {}): Promise<SearchHit[]> {
  const search = searchOf(store);
  await search.whenUsable();
  // A report just imported has its text indexed in a moment: a search made now waits for it.
  await search.textQueue;
  const limit = options.limit ?? 20;
  const wanted = options.kinds ? new Set(options.kinds) : null;
  const textLimit = !wanted || wanted.has('text') ? Math.min(MOST_TEXT_HITS, Math.max(1, Math.round(limit / 4))) : 0;
  const texts = await search.texts.search(q, textLimit, (reportId) => store.reportHead(reportId) !== undefined);
  const kinds = wanted && [...wanted].filter((k): k is IndexedKind => k !== 'text');
  const others = kinds && kinds.length === 0 ? [] : search.search(q, limit - texts.length, kinds ?? undefined);
  const titleOf = (reportId: string | null) => (reportId ? (store.reportHead(reportId)?.report.title ?? null) : null);
  return [
    ...others.map(({ kind, id, reportId, title, snippet }) => ({ kind, id, reportId, reportTitle: titleOf(reportId), title, snippet })),
    ...texts.map(({ reportId, start, end, snippet }) => {
      const title = titleOf(reportId) ?? '';
      return { kind: 'text' as const, id: reportId, reportId, reportTitle: title, title, snippet, anchor: { start, end } };
    }),
  ];
}
