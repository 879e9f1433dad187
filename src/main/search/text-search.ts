import { bestPassage, wordTable, type Passage, type WordTable } from './passages';
import { parseQuery } from './query';
import { REMOVED, TermIndex } from './term-index';
import { bytesOf, type IndexFileContents } from './index-file';

export interface TextHit extends Passage {
  reportId: string;
  score: number;
}

/** A report's text as passages are looked for in it: the text and its words as term ids. */
interface Held {
  text: string;
  table: WordTable;
  bytes: number;
}

/** Memory for texts kept for the next keystrokes: about 50 reports of 128 KB. */
const HELD_BYTES = 24_000_000;

/**
 * Search inside report texts. The index has one document per report, so at 5,000 reports of 128 KB
 * (640 MB of text) it holds about one posting per distinct word per report (tens of megabytes) and
 * never a text; the passage is found when a report is among the best matches, in its text read from
 * the store, and the last few texts are kept for the next keystrokes. Each report is indexed with the
 * stamp of the text it was made from, so a changed text is indexed again.
 */
export class TextSearch {
  private index = new TermIndex();
  private reportIds: string[] = [];
  private stamps: string[] = [];
  private readonly ords = new Map<string, number>();
  private readonly held = new Map<string, Held>();
  private heldBytes = 0;

  /** Reads a report's text (null if it is gone). */
  constructor(private readonly readText: (reportId: string) => Promise<string | null>) {}

  get size(): number {
    return this.ords.size;
  }

  /** The reports indexed, each with the stamp of its text. */
  entries(): [string, string][] {
    return [...this.ords].map(([id, ord]) => [id, this.stamps[ord]!]);
  }

  stampOf(reportId: string): string | undefined {
    const ord = this.ords.get(reportId);
    return ord === undefined ? undefined : this.stamps[ord];
  }

  add(reportId: string, stamp: string, text: string): void {
    this.remove(reportId);
    const ord = this.index.add(0, 0, [{ text, weight: 1 }]);
    this.reportIds[ord] = reportId;
    this.stamps[ord] = stamp;
    this.ords.set(reportId, ord);
  }

  remove(reportId: string): void {
    const ord = this.ords.get(reportId);
    if (ord === undefined) return;
    this.index.remove(ord);
    this.ords.delete(reportId);
    this.forget(reportId);
  }

  /**
   * The reports whose texts best match, each with its best passage, best first. `accept` leaves reports
   * out; a report whose text no longer holds the words (changed since it was indexed) is skipped.
   */
  async search(query: string, limit: number, accept?: (reportId: string) => boolean): Promise<TextHit[]> {
    if (!query.trim() || limit <= 0 || this.ords.size === 0) return [];
    const { clauses } = parseQuery(query, this.index);
    if (clauses.length === 0) return [];
    const scored = this.index.search(clauses, limit + 3, accept && ((ord) => accept(this.reportIds[ord]!)));
    const hits: TextHit[] = [];
    // The texts of as many reports as are still wanted are read together: one after another, each read
    // would wait its turn behind whatever else the disk is doing (at start, the store loading).
    for (let next = 0; next < scored.length && hits.length < limit; ) {
      const round = scored.slice(next, next + limit - hits.length);
      next += round.length;
      const held = await Promise.all(round.map(({ ord }) => this.hold(this.reportIds[ord]!)));
      round.forEach(({ ord, score }, i) => {
        const text = held[i];
        const passage = text && bestPassage(text.text, text.table, clauses);
        if (passage) hits.push({ reportId: this.reportIds[ord]!, score, ...passage });
      });
    }
    return hits;
  }

  /** The index as a file's contents (report ids and stamps, then the term index). */
  async toFile(meta: Record<string, unknown>, pause: () => Promise<void>): Promise<IndexFileContents> {
    const data = await this.index.toData(pause);
    const count = data.kinds.length;
    const rows: string[] = [];
    for (let ord = 0; ord < count; ord++) rows.push(data.kinds[ord] === REMOVED ? '' : `${this.reportIds[ord]}\t${this.stamps[ord]}`);
    return {
      meta,
      sections: {
        terms: Buffer.from(data.terms.join('\n'), 'utf8'),
        counts: bytesOf(data.counts),
        offsets: bytesOf(data.offsets),
        postings: data.postings,
        kinds: data.kinds,
        sources: bytesOf(data.sources),
        lengths: bytesOf(data.lengths),
        reports: Buffer.from(rows.join('\n'), 'utf8'),
      },
    };
  }

  /** Puts back an index read from a file; throws if its parts do not fit together. */
  load(sections: Record<string, Uint8Array>): void {
    const text = (name: string) => Buffer.from(sections[name]!.buffer, sections[name]!.byteOffset, sections[name]!.byteLength).toString('utf8');
    const index = TermIndex.fromSections(sections);
    const rows = index.ordinals ? text('reports').split('\n') : [];
    if (rows.length !== index.ordinals) throw new Error('the text index names a different number of reports');
    const reportIds: string[] = [];
    const stamps: string[] = [];
    const ords = new Map<string, number>();
    rows.forEach((row, ord) => {
      const [reportId = '', stamp = ''] = row.split('\t');
      reportIds.push(reportId);
      stamps.push(stamp);
      if (index.isLive(ord)) ords.set(reportId, ord);
    });
    this.index = index;
    this.reportIds = reportIds;
    this.stamps = stamps;
    this.ords.clear();
    for (const [id, ord] of ords) this.ords.set(id, ord);
    this.held.clear();
    this.heldBytes = 0;
  }

  private async hold(reportId: string): Promise<Held | null> {
    const kept = this.held.get(reportId);
    if (kept) {
      // Most recently used last.
      this.held.delete(reportId);
      this.held.set(reportId, kept);
      return kept;
    }
    const text = await this.readText(reportId).catch(() => null);
    if (text === null) return null;
    const table = wordTable(text, (term) => this.index.termId(term));
    const held = { text, table, bytes: text.length * 2 + table.ids.byteLength + table.starts.byteLength };
    this.held.set(reportId, held);
    this.heldBytes += held.bytes;
    for (const [id, old] of this.held) {
      if (this.heldBytes <= HELD_BYTES || id === reportId) break;
      this.held.delete(id);
      this.heldBytes -= old.bytes;
    }
    return held;
  }

  private forget(reportId: string): void {
    const old = this.held.get(reportId);
    if (!old) return;
    this.held.delete(reportId);
    this.heldBytes -= old.bytes;
  }
}
