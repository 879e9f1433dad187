import SearchableMap from 'minisearch/SearchableMap';
import { countTerms } from './terms';
import { u32 } from './index-file';

/** One searchable field of a document; a word in it counts `weight` times. */
export interface Field {
  text: string;
  weight: number;
}

/** Terms that may satisfy one word of a query, each with how much a match counts. */
export interface Clause {
  terms: { id: number; weight: number }[];
}

export interface Scored {
  ord: number;
  score: number;
}

/** Everything a term index is made of, as flat arrays: what is written to disk and read back. */
export interface TermIndexData {
  terms: string[];
  /** Per term: documents holding it. */
  counts: Uint32Array;
  /** Per term: where its postings start in `postings` (one more entry than terms). */
  offsets: Uint32Array;
  /** Per term, per document holding it: the gap from the previous document (varint), then the weighted count (one byte). */
  postings: Uint8Array;
  /** Per document (ordinal): its kind (REMOVED when gone), its source and its length in words. */
  kinds: Uint8Array;
  sources: Uint32Array;
  lengths: Uint32Array;
}

/** The kind of a document that was removed; its ordinal is never reused. */
export const REMOVED = 255;

const K1 = 1.2;
const B = 0.7;
const MAX_CLAUSES = 31;

function grow<T extends Uint8Array | Uint32Array | Int32Array | Float64Array>(array: T, need: number): T {
  if (need <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(need, Math.ceil(array.length * 1.5), 1024));
  next.set(array);
  return next;
}

class ByteWriter {
  private chunks: Uint8Array[] = [];
  private current = new Uint8Array(1 << 20);
  private at = 0;
  length = 0;

  private room(n: number): void {
    if (this.at + n <= this.current.length) return;
    this.chunks.push(this.current.subarray(0, this.at));
    this.current = new Uint8Array(1 << 20);
    this.at = 0;
  }

  varint(value: number): void {
    this.room(5);
    let v = value;
    while (v >= 0x80) {
      this.current[this.at++] = (v & 0x7f) | 0x80;
      v >>>= 7;
      this.length++;
    }
    this.current[this.at++] = v;
    this.length++;
  }

  byte(value: number): void {
    this.room(1);
    this.current[this.at++] = value;
    this.length++;
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of [...this.chunks, this.current.subarray(0, this.at)]) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

/**
 * An inverted index made for size: each posting is a varint gap and a one-byte weight in flat typed
 * arrays (a few bytes, where a Map entry per posting costs fifty), so hundreds of thousands of documents
 * fit in memory, load from disk in one read, and score with tight loops. Postings read from disk stay
 * as they are; documents added later go to small per-term lists; removed documents are marked and
 * skipped. Scoring is BM25 over a document's weighted word counts. The vocabulary is minisearch's radix
 * tree, for prefix and typo-tolerant look-ups.
 */
export class TermIndex {
  /** Words for prefix and typo look-ups; exact look-ups, one per word indexed, go to the plain map. */
  private readonly vocabulary = new SearchableMap<number>();
  private readonly ids = new Map<string, number>();
  private terms: string[] = [];
  private counts = new Int32Array(1024);
  private baseOffsets: Uint32Array<ArrayBufferLike> = new Uint32Array(1);
  private basePostings: Uint8Array<ArrayBufferLike> = new Uint8Array(0);
  /** Per term, postings added since the index was read: ordinal, weight, ordinal, weight … */
  private readonly added: (number[] | undefined)[] = [];
  private kinds = new Uint8Array(1024);
  private sources = new Uint32Array(1024);
  private lengths = new Uint32Array(1024);
  private size = 0;
  private live = 0;
  private totalLength = 0;
  private scores = new Float64Array(0);
  private masks = new Uint32Array(0);

  /** Ordinals handed out so far (removed documents included). */
  get ordinals(): number {
    return this.size;
  }

  get liveCount(): number {
    return this.live;
  }

  isLive(ord: number): boolean {
    return ord < this.size && this.kinds[ord] !== REMOVED;
  }

  kindOf(ord: number): number {
    return this.kinds[ord]!;
  }

  sourceOf(ord: number): number {
    return this.sources[ord]!;
  }

  /** Indexes a document; returns its ordinal. */
  add(kind: number, source: number, fields: readonly Field[]): number {
    const counts = new Map<string, number>();
    let length = 0;
    for (const field of fields) length += countTerms(field.text, field.weight, counts);
    const ord = this.size++;
    this.kinds = grow(this.kinds, this.size);
    this.sources = grow(this.sources, this.size);
    this.lengths = grow(this.lengths, this.size);
    this.kinds[ord] = kind;
    this.sources[ord] = source;
    this.lengths[ord] = length;
    this.live++;
    this.totalLength += length;
    for (const [term, weight] of counts) {
      const id = this.termIdOrNew(term);
      const list = this.added[id];
      if (list) list.push(ord, Math.min(255, weight));
      else this.added[id] = [ord, Math.min(255, weight)];
      this.counts[id]!++;
    }
    return ord;
  }

  /** Marks a document removed; its postings are skipped from now on and dropped when the index is written. */
  remove(ord: number): void {
    if (!this.isLive(ord)) return;
    this.kinds[ord] = REMOVED;
    this.live--;
    this.totalLength -= this.lengths[ord]!;
  }

  termId(term: string): number | undefined {
    return this.ids.get(term);
  }

  termOf(id: number): string {
    return this.terms[id]!;
  }

  /** Documents holding a term (removed ones included until the index is next written). */
  documentsWith(id: number): number {
    return this.counts[id]!;
  }

  /** Other terms within `distance` edits of `term`, with their distance. */
  fuzzy(term: string, distance: number): [number, number][] {
    const found: [number, number][] = [];
    for (const [key, [id, d]] of this.vocabulary.fuzzyGet(term, distance)) if (key !== term && this.counts[id]! > 0) found.push([id, d]);
    return found;
  }

  /**
   * The commonest terms starting with `prefix` (not the prefix itself), at most `maxTerms` of them and,
   * after the first, only while their documents fit in `budget`: a short prefix can stand for thousands
   * of documents, and expanding it to its common completions keeps every keystroke's search fast.
   */
  completions(prefix: string, budget: number, maxTerms: number): number[] {
    const found: [number, number][] = [];
    for (const [term, id] of this.vocabulary.atPrefix(prefix)) {
      const n = this.counts[id]!;
      if (term !== prefix && n > 0) found.push([id, n]);
    }
    found.sort((a, b) => b[1] - a[1]);
    const chosen: number[] = [];
    let left = budget;
    for (const [id, n] of found) {
      if (chosen.length >= maxTerms) break;
      if (chosen.length > 0 && n > left) continue;
      chosen.push(id);
      left -= n;
    }
    return chosen;
  }

  /**
   * The best `limit` documents, best first. A document must match every clause; if none does and there
   * are several clauses, any clause will do. `accept` leaves documents out (another kind, not trusted).
   */
  search(clauses: readonly Clause[], limit: number, accept?: (ord: number) => boolean): Scored[] {
    const used = clauses.slice(0, MAX_CLAUSES);
    if (used.length === 0 || limit <= 0) return [];
    if (this.scores.length < this.size) {
      this.scores = new Float64Array(Math.ceil(this.size * 1.25) + 1024);
      this.masks = new Uint32Array(this.scores.length);
    }
    const { scores, masks, kinds, lengths } = this;
    const n = Math.max(1, this.live);
    const average = this.totalLength / n || 1;
    const touched: number[] = [];
    used.forEach((clause, c) => {
      const bit = 1 << c;
      for (const { id, weight } of clause.terms) {
        const holding = Math.min(this.counts[id]!, n);
        const scale = weight * Math.log(1 + (n - holding + 0.5) / (holding + 0.5)) * (K1 + 1);
        const found = this.decode(id);
        const { postingOrds, postingCounts } = this;
        for (let i = 0; i < found; i++) {
          const ord = postingOrds[i]!;
          if (kinds[ord] === REMOVED || (accept && !accept(ord))) continue;
          const count = postingCounts[i]!;
          if (masks[ord] === 0) touched.push(ord);
          scores[ord] = scores[ord]! + (scale * count) / (count + K1 * (1 - B + (B * lengths[ord]!) / average));
          masks[ord] = masks[ord]! | bit;
        }
      }
    });
    const all = (1 << used.length) - 1;
    let chosen = touched.filter((ord) => masks[ord] === all);
    if (chosen.length === 0 && used.length > 1) chosen = touched;
    const best = topK(chosen, scores, limit).map((ord) => ({ ord, score: scores[ord]! }));
    for (const ord of touched) {
      scores[ord] = 0;
      masks[ord] = 0;
    }
    return best;
  }

  /**
   * The index as flat arrays, with removed documents' postings dropped (their ordinals stay, so ordinals
   * held elsewhere remain valid). Built a slice of terms at a time, with `pause` between slices, from a
   * snapshot taken at the start: documents added or removed meanwhile are as they were then.
   */
  async toData(pause: () => Promise<void>): Promise<TermIndexData> {
    const size = this.size;
    const kinds = this.kinds.slice(0, size);
    const termCount = this.terms.length;
    const offsets = new Uint32Array(termCount + 1);
    const counts = new Uint32Array(termCount);
    const out = new ByteWriter();
    for (let id = 0; id < termCount; id++) {
      offsets[id] = out.length;
      let previous = 0;
      let held = 0;
      this.forEachPosting(id, (ord, weight) => {
        if (ord >= size || kinds[ord] === REMOVED) return;
        out.varint(ord - previous);
        out.byte(weight);
        previous = ord;
        held++;
      });
      counts[id] = held;
      if (id % 4096 === 4095) await pause();
    }
    offsets[termCount] = out.length;
    return {
      terms: this.terms.slice(0, termCount),
      counts,
      offsets,
      postings: out.bytes(),
      kinds,
      sources: this.sources.slice(0, size),
      lengths: this.lengths.slice(0, size),
    };
  }

  /** An index read back from the sections of an index file (index-file.ts); throws if they do not fit together. */
  static fromSections(sections: Record<string, Uint8Array>): TermIndex {
    const terms = Buffer.from(sections.terms!.buffer, sections.terms!.byteOffset, sections.terms!.byteLength).toString('utf8');
    return TermIndex.fromData({
      terms: terms ? terms.split('\n') : [],
      counts: u32(sections.counts),
      offsets: u32(sections.offsets),
      postings: sections.postings!,
      kinds: sections.kinds!,
      sources: u32(sections.sources),
      lengths: u32(sections.lengths),
    });
  }

  /** An index read back from its flat arrays; throws if they do not fit together. */
  static fromData(data: TermIndexData): TermIndex {
    const { terms, counts, offsets, postings, kinds, sources, lengths } = data;
    const size = kinds.length;
    if (counts.length !== terms.length || offsets.length !== terms.length + 1 || sources.length !== size || lengths.length !== size) {
      throw new Error('the index parts do not fit together');
    }
    if (offsets[terms.length] !== postings.length) throw new Error('the postings are cut short');
    for (let id = 0; id < terms.length; id++) if (offsets[id]! > offsets[id + 1]!) throw new Error('the postings are out of order');
    const index = new TermIndex();
    index.terms = terms;
    terms.forEach((term, id) => {
      index.vocabulary.set(term, id);
      index.ids.set(term, id);
    });
    index.counts = grow(Int32Array.from(counts), terms.length);
    index.baseOffsets = offsets;
    index.basePostings = postings;
    index.kinds = grow(kinds.slice(), size);
    index.sources = grow(sources.slice(), size);
    index.lengths = grow(lengths.slice(), size);
    index.size = size;
    for (let ord = 0; ord < size; ord++) {
      if (kinds[ord] === REMOVED) continue;
      index.live++;
      index.totalLength += lengths[ord]!;
    }
    return index;
  }

  private termIdOrNew(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.ids.set(term, id);
      this.vocabulary.set(term, id);
      this.counts = grow(this.counts, this.terms.length);
    }
    return id;
  }

  private postingOrds = new Uint32Array(1024);
  private postingCounts = new Uint8Array(1024);

  /** Decodes a term's postings into postingOrds and postingCounts (reused between calls); returns how many. */
  private decode(id: number): number {
    const most = this.counts[id]! + 16;
    if (this.postingOrds.length < most) {
      this.postingOrds = new Uint32Array(most * 2);
      this.postingCounts = new Uint8Array(most * 2);
    }
    const { postingOrds: ords, postingCounts: counts } = this;
    let n = 0;
    if (id + 1 < this.baseOffsets.length) {
      const bytes = this.basePostings;
      const end = this.baseOffsets[id + 1]!;
      let at = this.baseOffsets[id]!;
      let ord = 0;
      while (at < end) {
        let b = bytes[at++]!;
        let gap = b & 0x7f;
        for (let shift = 128; b & 0x80; shift *= 128) {
          b = bytes[at++]!;
          gap += (b & 0x7f) * shift;
        }
        ord += gap;
        if (n === ords.length) return this.decodeSlowly(id);
        ords[n] = ord;
        counts[n++] = bytes[at++]!;
      }
    }
    const list = this.added[id];
    if (list) {
      if (n + list.length / 2 > ords.length) return this.decodeSlowly(id);
      for (let i = 0; i < list.length; i += 2) {
        ords[n] = list[i]!;
        counts[n++] = list[i + 1]!;
      }
    }
    return n;
  }

  /** When a term's count fell behind its postings (documents removed and added again): the arrays are sized to fit. */
  private decodeSlowly(id: number): number {
    let total = 0;
    this.forEachPosting(id, () => total++);
    this.postingOrds = new Uint32Array(total * 2);
    this.postingCounts = new Uint8Array(total * 2);
    let n = 0;
    this.forEachPosting(id, (ord, weight) => {
      this.postingOrds[n] = ord;
      this.postingCounts[n++] = weight;
    });
    return n;
  }

  private forEachPosting(id: number, visit: (ord: number, weight: number) => void): void {
    if (id + 1 < this.baseOffsets.length) {
      const bytes = this.basePostings;
      const end = this.baseOffsets[id + 1]!;
      let at = this.baseOffsets[id]!;
      let ord = 0;
      while (at < end) {
        let gap = 0;
        let shift = 0;
        let b: number;
        do {
          b = bytes[at++]!;
          gap += (b & 0x7f) * 2 ** shift;
          shift += 7;
        } while (b & 0x80);
        ord += gap;
        visit(ord, bytes[at++]!);
      }
    }
    const list = this.added[id];
    if (list) for (let i = 0; i < list.length; i += 2) visit(list[i]!, list[i + 1]!);
  }
}

/** The `k` highest-scoring ordinals, best first; equal scores keep ordinal order. */
function topK(ords: number[], scores: Float64Array, k: number): number[] {
  const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  if (ords.length <= k * 4) return ords.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0)).slice(0, k);
  // A min-heap of the best k seen so far: the worst of them at the top.
  const heap: number[] = [];
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && better(heap[worst]!, heap[l]!)) worst = l;
      if (r < heap.length && better(heap[worst]!, heap[r]!)) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  };
  for (const ord of ords) {
    if (heap.length < k) {
      heap.push(ord);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!better(heap[parent]!, heap[i]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (better(ord, heap[0]!)) {
      heap[0] = ord;
      down(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}
