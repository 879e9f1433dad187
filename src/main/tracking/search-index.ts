import type { Finding } from '../../shared/domain/finding';
import type { Annotation, Note } from '../../shared/domain/notes';
import type { Report } from '../../shared/domain/report';
import { REMOVED, TermIndex, type Field } from '../search/term-index';
import { parseQuery, shorten, snippetAround, type ParsedQuery } from '../search/query';
import { bytesOf, u32, type IndexFileContents, type IndexFileTail } from '../search/index-file';

export type SearchDoc =
  | { kind: 'report'; id: string; title: string; force: string | null; period: string | null }
  | { kind: 'finding'; id: string; reportId: string; text: string; question: string | null; owner: string | null }
  | { kind: 'annotation'; id: string; reportId: string; note: string; quote: string; tags: readonly string[] }
  | { kind: 'note'; id: string; reportId: string | null; text: string; tags: readonly string[] };

export type SearchKind = SearchDoc['kind'];

export type SearchHit = {
  kind: SearchKind;
  id: string;
  reportId: string | null;
  title: string;
  /** The passage around the first word that matched, with … where it was cut. */
  snippet: string;
  score: number;
};

export type SearchOptions = {
  limit?: number;
  kinds?: readonly SearchKind[];
  /** Leaves out documents of these sources (files changed since the index was written, not trusted yet). */
  skipSources?: ReadonlySet<string>;
};

export const reportDoc = (r: Report): SearchDoc => ({ kind: 'report', id: r.id, title: r.title, force: r.force, period: r.period });
export const findingDoc = (f: Finding): SearchDoc => ({
  kind: 'finding',
  id: f.id,
  reportId: f.reportId,
  text: f.text,
  question: f.question,
  owner: f.tracking.owner,
});
export const annotationDoc = (a: Annotation): SearchDoc => ({
  kind: 'annotation',
  id: a.id,
  reportId: a.reportId,
  note: a.note,
  quote: a.anchor.quote,
  tags: a.tags,
});
export const noteDoc = (n: Note): SearchDoc => ({ kind: 'note', id: n.id, reportId: n.reportId, text: n.text, tags: n.tags });

/**
 * What a hit is made from: the title it shows and three searchable fields (heading, body, extra). Only a
 * report has a heading; other kinds' titles are cut from their body, which is indexed already.
 */
type Entry = { reportId: string | null; title: string; heading: string; body: string; extra: string };

const KINDS: readonly SearchKind[] = ['report', 'finding', 'annotation', 'note'];
const KIND_CODE = new Map(KINDS.map((kind, i) => [kind, i]));

const TITLE_LENGTH = 100;
/** A report's title counts twice. */
const HEADING_WEIGHT = 2;

/** How a document is named in the index: kinds may share ids. */
export const keyOf = (kind: SearchKind, id: string): string => `${kind}:${id}`;

function entryOf(doc: SearchDoc): Entry {
  switch (doc.kind) {
    case 'report':
      return { reportId: doc.id, title: doc.title, heading: doc.title, body: '', extra: [doc.force, doc.period].filter(Boolean).join(' ') };
    case 'finding':
      return { reportId: doc.reportId, title: shorten(doc.text, TITLE_LENGTH), heading: '', body: doc.text, extra: [doc.question, doc.owner].filter(Boolean).join('\n') };
    case 'annotation':
      return {
        reportId: doc.reportId,
        title: shorten(doc.note.trim() ? doc.note : `“${doc.quote}”`, TITLE_LENGTH),
        heading: '',
        body: doc.note,
        extra: [doc.quote, ...doc.tags].join('\n'),
      };
    case 'note':
      return {
        reportId: doc.reportId,
        title: shorten(doc.text.split('\n').find((l) => l.trim()) ?? '', TITLE_LENGTH),
        heading: '',
        body: doc.text,
        extra: doc.tags.join(' '),
      };
  }
}

const fieldsOf = (entry: Entry): Field[] => [
  { text: entry.heading, weight: HEADING_WEIGHT },
  { text: entry.body, weight: 1 },
  { text: entry.extra, weight: 1 },
];

/** A document as the persisted index keeps it for hits shown before the store has loaded: a JSON array. */
const recordOf = (entry: Entry): string => JSON.stringify([entry.reportId, entry.title, entry.heading, entry.body, entry.extra]);

function entryOfRecord(record: string): Entry | null {
  const parsed: unknown = JSON.parse(record);
  if (!Array.isArray(parsed) || parsed.length !== 5 || !parsed.slice(1).every((p) => typeof p === 'string')) return null;
  const [reportId, title, heading, body, extra] = parsed as [string | null, string, string, string, string];
  return { reportId: typeof reportId === 'string' ? reportId : null, title, heading, body, extra };
}

/** FNV-1a over a string's code units: tells whether a document changed, and whether a stored record is intact. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function snippet(entry: Entry, words: RegExp | null): string {
  const text = [entry.body, entry.extra, entry.title].find((t) => t.trim()) ?? '';
  return snippetAround(text, words ? text.toLowerCase().search(words) : -1);
}

/**
 * Finds a document's ordinal by its key without a Map of every key (at 700,000 documents, 100 MB of
 * strings and entries): an open-addressing table of ordinals by the key's hash, the keys themselves read
 * from where the index keeps them. Replaced documents keep their old entries, which lead to removed
 * ordinals and are skipped.
 */
class KeyTable {
  private slots = new Int32Array(1 << 12);
  private used = 0;

  constructor(private readonly keyAt: (ord: number) => string) {}

  /** Makes room for `count` keys at once, so adding them never rehashes (only while the table is empty). */
  reserve(count: number): void {
    if (this.used !== 0) return;
    let size = this.slots.length;
    while (size < count * 2 + 2) size *= 2;
    if (size !== this.slots.length) this.slots = new Int32Array(size);
  }

  add(key: string, ord: number): void {
    if ((this.used + 1) * 2 > this.slots.length) this.grow();
    this.place(hashOf(key), ord);
    this.used++;
  }

  /** The ordinal under `key` that `accept` takes (the live one), or -1. */
  find(key: string, accept: (ord: number) => boolean): number {
    const mask = this.slots.length - 1;
    for (let i = hashOf(key) & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i]!;
      if (slot === 0) return -1;
      if (accept(slot - 1) && this.keyAt(slot - 1) === key) return slot - 1;
    }
  }

  private place(hash: number, ord: number): void {
    const mask = this.slots.length - 1;
    let i = hash & mask;
    while (this.slots[i] !== 0) i = (i + 1) & mask;
    this.slots[i] = ord + 1;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (const slot of old) if (slot !== 0) this.place(hashOf(this.keyAt(slot - 1)), slot - 1);
  }
}

/** Where a document's words come from in the store: its report's file, or the notes file it is in. */
export type SourceOf = (kind: SearchKind, id: string, reportId: string | null) => string;

const defaultSource: SourceOf = (kind, id, reportId) => (kind === 'note' ? `note:${id}` : `report:${reportId ?? id}`);

export interface SearchIndexOptions {
  /**
   * The documents hits are described from (the store's). Without it the index keeps a copy of every
   * document it is given.
   */
  lookup?: (kind: SearchKind, id: string) => SearchDoc | undefined;
  sourceOf?: SourceOf;
}

/**
 * Full-text search over reports, findings, annotations and notes, with prefix and typo-tolerant
 * matching so results come as the officer types. The index itself is a compact TermIndex; it can be
 * written to a file and read back (with the stamp of every source it was built from, kept by its owner),
 * and then answers before the store has loaded, describing hits from records kept on disk.
 */
export class SearchIndex {
  private terms = new TermIndex();
  /** Keys (`kind:id`) of ordinals read from a file, as one string, cut by offsets; then those added since. */
  private baseKeys = '';
  private baseKeyOffsets: Uint32Array<ArrayBufferLike> = new Uint32Array(1);
  private readonly addedKeys: string[] = [];
  private hashes = new Uint32Array(1024);
  private readonly sourceKeys: string[] = [];
  private readonly sourceIds = new Map<string, number>();
  private readonly sourceOrds = new Map<number, number[]>();
  private readonly kept: Map<string, SearchDoc> | null;
  private readonly lookup: SearchIndexOptions['lookup'];
  private readonly sourceOf: SourceOf;
  private docstore: { tail: IndexFileTail; offsets: Uint32Array } | null = null;
  private readonly byKey = new KeyTable((ord) => this.keyAt(ord));
  /**
   * Ordinals read from a file that are not yet in `byKey` and `sourceOrds` (from `keyed` up to `keyedEnd`).
   * Searching needs neither; they are filled in on the first call that does (a change, a look-up by id), or
   * a slice at a time by keyInBackground, so reading an index of 700,000 documents answers searches at once.
   */
  private keyed = 0;
  private keyedEnd = 0;

  constructor(options: SearchIndexOptions = {}) {
    this.lookup = options.lookup;
    this.sourceOf = options.sourceOf ?? defaultSource;
    this.kept = options.lookup ? null : new Map();
  }

  get size(): number {
    return this.terms.liveCount;
  }

  /** The sources documents came from, each once. */
  get sources(): readonly string[] {
    return this.sourceKeys;
  }

  has(kind: SearchKind, id: string): boolean {
    return this.find(kind, id) !== -1;
  }

  /** Indexes a document; one already indexed under the same kind and id is replaced. */
  add(doc: SearchDoc): void {
    this.replace(doc);
  }

  addAll(docs: Iterable<SearchDoc>): void {
    for (const doc of docs) this.replace(doc);
  }

  /**
   * Indexes a large collection a slice at a time, letting the event loop run between slices (about 10 ms
   * each), so building the index does not hold up calls.
   */
  async addAllAsync(docs: Iterable<SearchDoc>, pause: () => Promise<void> = () => new Promise((r) => setImmediate(r))): Promise<void> {
    let since = performance.now();
    for (const doc of docs) {
      this.replace(doc);
      if (performance.now() - since > 10) {
        await pause();
        since = performance.now();
      }
    }
  }

  /** Indexes a document unless it is indexed already with the same words; says whether it did. */
  replace(doc: SearchDoc): boolean {
    const entry = entryOf(doc);
    const hash = hashOf(recordOf(entry));
    const source = this.sourceId(this.sourceOf(doc.kind, doc.id, entry.reportId));
    const old = this.find(doc.kind, doc.id);
    if (old !== -1 && this.hashes[old] === hash && this.terms.sourceOf(old) === source) {
      this.kept?.set(keyOf(doc.kind, doc.id), doc);
      return false;
    }
    if (old !== -1) this.terms.remove(old);
    const ord = this.terms.add(KIND_CODE.get(doc.kind)!, source, fieldsOf(entry));
    const key = keyOf(doc.kind, doc.id);
    this.addedKeys[ord - this.baseCount] = key;
    this.byKey.add(key, ord);
    if (ord >= this.hashes.length) {
      const next = new Uint32Array(Math.max(ord + 1, Math.ceil(this.hashes.length * 1.5)));
      next.set(this.hashes);
      this.hashes = next;
    }
    this.hashes[ord] = hash;
    let ords = this.sourceOrds.get(source);
    if (!ords) this.sourceOrds.set(source, (ords = []));
    ords.push(ord);
    this.kept?.set(keyOf(doc.kind, doc.id), doc);
    return true;
  }

  /** Removes a document; removing one that is not indexed does nothing. */
  remove(doc: { kind: SearchKind; id: string }): void {
    const ord = this.find(doc.kind, doc.id);
    if (ord === -1) return;
    this.terms.remove(ord);
    this.kept?.delete(keyOf(doc.kind, doc.id));
  }

  /** The documents indexed from one source, as kind and id. */
  documentsOf(source: string): { kind: SearchKind; id: string }[] {
    const id = this.sourceIds.get(source);
    if (id === undefined) return [];
    return this.liveOrds(id).map((ord) => ({ kind: KINDS[this.terms.kindOf(ord)]!, id: this.keyAt(ord).slice(KINDS[this.terms.kindOf(ord)]!.length + 1) }));
  }

  /** Removes every document of a source (a report deleted, a notes file not trusted). */
  removeSource(source: string): void {
    const id = this.sourceIds.get(source);
    if (id === undefined) return;
    for (const ord of this.liveOrds(id)) {
      const key = this.keyAt(ord);
      this.terms.remove(ord);
      this.kept?.delete(key);
    }
    this.sourceOrds.delete(id);
  }

  /** The query's clauses over this index's words (see parseQuery). */
  parse(query: string): ParsedQuery {
    return parseQuery(query, this.terms);
  }

  /**
   * Best matches first. Every word must match; if that finds nothing, any word may, so a query with one
   * unknown word still shows something.
   */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 20;
    if (!query.trim() || limit <= 0) return [];
    const { clauses, words } = this.parse(query);
    if (clauses.length === 0) return [];
    const kinds = options.kinds ? new Set(options.kinds.map((k) => KIND_CODE.get(k))) : null;
    const skipped = options.skipSources?.size ? new Set([...options.skipSources].flatMap((s) => this.sourceIds.get(s) ?? [])) : null;
    const accept =
      kinds || skipped
        ? (ord: number) => (!kinds || kinds.has(this.terms.kindOf(ord))) && (!skipped || !skipped.has(this.terms.sourceOf(ord)))
        : undefined;
    // A few more than asked for, in case a document cannot be described (removed a moment ago).
    const scored = this.terms.search(clauses, limit + 5, accept);
    const hits: SearchHit[] = [];
    for (const { ord, score } of scored) {
      if (hits.length >= limit) break;
      const kind = KINDS[this.terms.kindOf(ord)]!;
      const id = this.keyAt(ord).slice(kind.length + 1);
      const entry = this.describe(kind, id, ord);
      if (!entry) continue;
      hits.push({ kind, id, reportId: entry.reportId, title: entry.title, snippet: snippet(entry, words), score });
    }
    return hits;
  }

  /** Stops describing hits from the records on disk (the store has loaded) and lets the file go. */
  closeDocstore(): void {
    this.docstore?.tail.close();
    this.docstore = null;
  }

  /**
   * The index as a file's contents: the term index, every key and hash, and (with `records`) each
   * document's record as a tail, for hits before the store has loaded. `meta` is kept as given.
   */
  async toFile(meta: Record<string, unknown>, records: boolean, pause: () => Promise<void>): Promise<IndexFileContents> {
    const data = await this.terms.toData(pause);
    const count = data.kinds.length;
    const keys: string[] = [];
    for (let ord = 0; ord < count; ord++) keys.push(data.kinds[ord] === REMOVED ? '' : this.keyAt(ord));
    const keyBytes = Buffer.from(keys.join('\n'), 'utf8');
    const keyOffsets = new Uint32Array(count + 1);
    let at = 0;
    keys.forEach((key, ord) => {
      keyOffsets[ord] = at;
      at += Buffer.byteLength(key, 'utf8') + 1;
    });
    keyOffsets[count] = keyBytes.length + 1;
    const sections: Record<string, Uint8Array> = {
      terms: Buffer.from(data.terms.join('\n'), 'utf8'),
      counts: bytesOf(data.counts),
      offsets: bytesOf(data.offsets),
      postings: data.postings,
      kinds: data.kinds,
      sources: bytesOf(data.sources),
      lengths: bytesOf(data.lengths),
      keys: keyBytes,
      keyOffsets: bytesOf(keyOffsets),
      hashes: bytesOf(this.hashes.slice(0, count)),
    };
    let tail: Uint8Array | undefined;
    if (records) {
      const parts: Buffer[] = [];
      const recordOffsets = new Uint32Array(count + 1);
      let length = 0;
      let since = performance.now();
      for (let ord = 0; ord < count; ord++) {
        recordOffsets[ord] = length;
        if (data.kinds[ord] === REMOVED) continue;
        const kind = KINDS[data.kinds[ord]!]!;
        const entry = this.describe(kind, this.keyAt(ord).slice(kind.length + 1), ord);
        const bytes = Buffer.from(entry ? recordOf(entry) : '', 'utf8');
        parts.push(bytes);
        length += bytes.length;
        if (performance.now() - since > 10) {
          await pause();
          since = performance.now();
        }
      }
      recordOffsets[count] = length;
      sections.recordOffsets = bytesOf(recordOffsets);
      tail = Buffer.concat(parts, length);
    }
    return { meta: { ...meta, sourceKeys: this.sourceKeys }, sections, tail };
  }

  /** An index read back from a file (see readIndexFile); throws if its parts do not fit together. */
  static fromFile(file: { meta: Record<string, unknown>; sections: Record<string, Uint8Array>; tail: IndexFileTail | null }, options: SearchIndexOptions = {}): SearchIndex {
    const { sections, meta } = file;
    const text = (name: string) => Buffer.from(sections[name]!.buffer, sections[name]!.byteOffset, sections[name]!.byteLength).toString('utf8');
    const terms = TermIndex.fromSections(sections);
    const index = new SearchIndex(options);
    const count = terms.ordinals;
    const keyOffsets = u32(sections.keyOffsets);
    const hashes = u32(sections.hashes);
    const sourceKeys = meta.sourceKeys;
    if (keyOffsets.length !== count + 1 || hashes.length !== count || !Array.isArray(sourceKeys)) throw new Error('the index parts do not fit together');
    index.terms = terms;
    index.baseKeys = text('keys');
    index.baseKeyOffsets = keyOffsets;
    index.hashes = Uint32Array.from(hashes);
    sourceKeys.forEach((key: unknown) => index.sourceId(String(key)));
    for (let ord = 0; ord < count; ord++) {
      if (terms.isLive(ord) && terms.sourceOf(ord) >= index.sourceKeys.length) throw new Error('a document names an unknown source');
    }
    index.byKey.reserve(terms.liveCount);
    index.keyedEnd = count;
    if (file.tail && sections.recordOffsets) {
      const offsets = u32(sections.recordOffsets);
      if (offsets.length === count + 1 && offsets[count] === file.tail.length) index.docstore = { tail: file.tail, offsets };
      else file.tail.close();
    } else file.tail?.close();
    return index;
  }

  private get baseCount(): number {
    return this.baseKeyOffsets.length - 1;
  }

  private keyAt(ord: number): string {
    if (ord >= this.baseCount) return this.addedKeys[ord - this.baseCount] ?? '';
    return this.baseKeys.slice(this.baseKeyOffsets[ord]!, this.baseKeyOffsets[ord + 1]! - 1);
  }

  private sourceId(key: string): number {
    let id = this.sourceIds.get(key);
    if (id === undefined) {
      id = this.sourceKeys.length;
      this.sourceKeys.push(key);
      this.sourceIds.set(key, id);
    }
    return id;
  }

  /** The live ordinals of a source; the list is tidied of removed ones as it is read. */
  private liveOrds(source: number): number[] {
    this.keyUpTo(this.keyedEnd);
    const ords = this.sourceOrds.get(source) ?? [];
    const live = ords.filter((ord) => this.terms.isLive(ord));
    if (live.length !== ords.length) this.sourceOrds.set(source, live);
    return live;
  }

  /** The live ordinal of a document, or -1. */
  private find(kind: SearchKind, id: string): number {
    this.keyUpTo(this.keyedEnd);
    return this.byKey.find(keyOf(kind, id), (ord) => this.terms.isLive(ord));
  }

  /** Enters the ordinals read from the file, up to `end`, in the look-ups by key and by source. */
  private keyUpTo(end: number): void {
    const last = Math.min(end, this.keyedEnd);
    for (let ord = this.keyed; ord < last; ord++) {
      if (!this.terms.isLive(ord)) continue;
      this.byKey.add(this.keyAt(ord), ord);
      const source = this.terms.sourceOf(ord);
      let ords = this.sourceOrds.get(source);
      if (!ords) this.sourceOrds.set(source, (ords = []));
      ords.push(ord);
    }
    this.keyed = Math.max(this.keyed, last);
  }

  /**
   * Fills in the look-ups by key and by source for an index read from a file, a slice at a time with
   * `pause` between slices (a call that needs them sooner completes them itself).
   */
  async keyInBackground(pause: () => Promise<void>): Promise<void> {
    while (this.keyed < this.keyedEnd) {
      this.keyUpTo(this.keyed + 5_000);
      await pause();
    }
  }

  private describe(kind: SearchKind, id: string, ord: number): Entry | null {
    const doc = this.kept ? this.kept.get(keyOf(kind, id)) : this.lookup?.(kind, id);
    if (doc) return entryOf(doc);
    if (!this.docstore || ord >= this.docstore.offsets.length - 1) return null;
    const from = this.docstore.offsets[ord]!;
    const bytes = this.docstore.tail.read(from, this.docstore.offsets[ord + 1]! - from);
    if (!bytes) return null;
    const record = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    // A record that is not what was indexed is damaged: the hit waits for the store instead.
    if (hashOf(record) !== this.hashes[ord]) return null;
    return entryOfRecord(record);
  }
}
