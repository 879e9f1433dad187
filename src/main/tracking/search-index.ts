import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { Finding } from '../../shared/domain/finding';
import type { Annotation, Note } from '../../shared/domain/notes';
import type { Report } from '../../shared/domain/report';
import { STOP_WORDS } from '../../shared/domain/text-terms';

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

export type SearchOptions = { limit?: number; kinds?: readonly SearchKind[] };

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
 * What the index holds for a document: three searchable fields (heading, body, extra) and the title a hit
 * shows. Only a report has a heading; other kinds' titles are cut from their body, which is indexed already.
 */
type Entry = {
  key: string;
  kind: SearchKind;
  id: string;
  reportId: string | null;
  title: string;
  heading: string;
  body: string;
  extra: string;
};

const TITLE_LENGTH = 100;
const SNIPPET_LENGTH = 160;

function shorten(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** How a document is named in the index: kinds may share ids. */
export const keyOf = (kind: SearchKind, id: string): string => `${kind}:${id}`;

function entryOf(doc: SearchDoc): Entry {
  const key = keyOf(doc.kind, doc.id);
  switch (doc.kind) {
    case 'report':
      return {
        key,
        kind: doc.kind,
        id: doc.id,
        reportId: doc.id,
        title: doc.title,
        heading: doc.title,
        body: '',
        extra: [doc.force, doc.period].filter(Boolean).join(' '),
      };
    case 'finding':
      return {
        key,
        kind: doc.kind,
        id: doc.id,
        reportId: doc.reportId,
        title: shorten(doc.text, TITLE_LENGTH),
        heading: '',
        body: doc.text,
        extra: [doc.question, doc.owner].filter(Boolean).join('\n'),
      };
    case 'annotation':
      return {
        key,
        kind: doc.kind,
        id: doc.id,
        reportId: doc.reportId,
        title: shorten(doc.note.trim() ? doc.note : `“${doc.quote}”`, TITLE_LENGTH),
        heading: '',
        body: doc.note,
        extra: [doc.quote, ...doc.tags].join('\n'),
      };
    case 'note':
      return {
        key,
        kind: doc.kind,
        id: doc.id,
        reportId: doc.reportId,
        title: shorten(doc.text.split('\n').find((l) => l.trim()) ?? '', TITLE_LENGTH),
        heading: '',
        body: doc.text,
        extra: doc.tags.join(' '),
      };
  }
}

/**
 * "Force" is in nearly every sentence of an inspection report ("The force should …"): it tells documents
 * apart no better than "the", and scoring its tens of thousands of documents would make every search slow.
 */
const INDEX_STOP_WORDS = new Set(['force', 'forces']);

function normalise(term: string): string {
  const t = term.toLowerCase();
  return /[^ -~]/.test(t) ? t.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : t;
}

/** Lower-case, accents dropped ("Zoë" finds "zoe"), stop words and stray letters left out. */
function processTerm(term: string): string | null {
  const t = normalise(term);
  if (STOP_WORDS.has(t) || INDEX_STOP_WORDS.has(t)) return null;
  if (t.length === 1 && !/\d/.test(t)) return null;
  return t;
}

/** MiniSearch's own word splitting, so the vocabulary below holds exactly the terms it indexes. */
const SPACE_OR_PUNCTUATION = /[\n\r\p{Z}\p{P}]+/u;

/**
 * A word being typed matches as a prefix from three letters, finished words from four. A short prefix can
 * stand for thousands of documents ("cri…"), so it is expanded to its most common completions only, up
 * to this many documents in all; that keeps every keystroke's search fast.
 */
const PREFIX_DOCUMENT_BUDGET = 8000;
const PREFIX_MAX_TERMS = 40;
/** Completions of a prefix count for less than the word itself. */
const PREFIX_WEIGHT = 0.4;

/** Typos are forgiven in words of five letters or more: one edit, two from nine letters. */
const fuzzyFor = (term: string): number | false => (term.length >= 9 ? 2 : term.length >= 5 ? 1 : false);

function snippet(entry: Entry, terms: readonly string[]): string {
  const text = [entry.body, entry.extra, entry.title].find((t) => t.trim()) ?? '';
  const lower = text.toLowerCase();
  let at = -1;
  for (const term of terms) {
    const found = lower.search(new RegExp(`\\b${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    if (found !== -1 && (at === -1 || found < at)) at = found;
  }
  if (at <= SNIPPET_LENGTH / 3) return shorten(text, SNIPPET_LENGTH);
  let from = text.lastIndexOf(' ', at - SNIPPET_LENGTH / 3);
  if (from < 0) from = 0;
  return `…${shorten(text.slice(from), SNIPPET_LENGTH)}`;
}

/**
 * Full-text search over reports, findings, annotations and notes (minisearch), with prefix and typo-tolerant
 * matching so results come as the officer types. Documents of different kinds may share an id.
 */
export class SearchIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly index = new MiniSearch<Entry>({
    idField: 'key',
    fields: ['heading', 'body', 'extra'],
    processTerm,
    searchOptions: { boost: { heading: 2 }, maxFuzzy: 2 },
  });
  /** Each indexed term with the number of documents that hold it. */
  private readonly documentCounts = new Map<string, number>();
  /** The same terms in a radix tree for prefix look-ups; written only when a term comes or goes. */
  private readonly vocabulary = new SearchableMap<true>();

  get size(): number {
    return this.entries.size;
  }

  has(kind: SearchKind, id: string): boolean {
    return this.entries.has(keyOf(kind, id));
  }

  /** Indexes a document; one already indexed under the same kind and id is replaced. */
  add(doc: SearchDoc): void {
    this.replace(doc);
  }

  addAll(docs: Iterable<SearchDoc>): void {
    const batch = new Map<string, SearchDoc>();
    for (const doc of docs) batch.set(keyOf(doc.kind, doc.id), doc);
    const fresh: Entry[] = [];
    for (const [key, doc] of batch) {
      if (this.entries.has(key)) {
        this.replace(doc);
        continue;
      }
      const entry = entryOf(doc);
      this.entries.set(key, entry);
      this.count(entry, 1);
      fresh.push(entry);
    }
    this.index.addAll(fresh);
  }

  /**
   * Indexes a large collection in chunks, letting the event loop run between them, so building the index
   * at start-up (tens of thousands of notes take seconds) does not freeze the main process.
   */
  async addAllAsync(docs: readonly SearchDoc[], chunkSize = 2000): Promise<void> {
    for (let i = 0; i < docs.length; i += chunkSize) {
      this.addAll(docs.slice(i, i + chunkSize));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  replace(doc: SearchDoc): void {
    const entry = entryOf(doc);
    const old = this.entries.get(entry.key);
    if (old) {
      this.index.discard(entry.key);
      this.count(old, -1);
    }
    this.entries.set(entry.key, entry);
    this.count(entry, 1);
    this.index.add(entry);
  }

  /** Removes a document; removing one that is not indexed does nothing. */
  remove(doc: Pick<SearchDoc, 'kind' | 'id'>): void {
    const key = keyOf(doc.kind, doc.id);
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.count(old, -1);
    this.index.discard(key);
  }

  private count(entry: Entry, by: 1 | -1): void {
    const terms = new Set<string>();
    for (const text of [entry.heading, entry.body, entry.extra]) {
      for (const token of text.split(SPACE_OR_PUNCTUATION)) {
        const term = token && processTerm(token);
        if (term) terms.add(term);
      }
    }
    for (const term of terms) {
      const before = this.documentCounts.get(term) ?? 0;
      const n = before + by;
      if (n > 0) this.documentCounts.set(term, n);
      else this.documentCounts.delete(term);
      if (before === 0 && n > 0) this.vocabulary.set(term, true);
      else if (before > 0 && n <= 0) this.vocabulary.delete(term);
    }
  }

  /** The commonest completions of a prefix, within the document budget (the commonest one always). */
  private completions(prefix: string): string[] {
    const found: Array<[string, number]> = [];
    for (const term of this.vocabulary.atPrefix(prefix).keys()) {
      if (term !== prefix) found.push([term, this.documentCounts.get(term) ?? 0]);
    }
    found.sort((a, b) => b[1] - a[1]);
    const chosen: string[] = [];
    let budget = PREFIX_DOCUMENT_BUDGET;
    for (const [term, n] of found) {
      if (chosen.length >= PREFIX_MAX_TERMS) break;
      if (chosen.length > 0 && n > budget) continue;
      chosen.push(term);
      budget -= n;
    }
    return chosen;
  }

  /** One clause per word: the word (typos forgiven) or its completions; the word being typed is the last. */
  private clauses(query: string): Query[] {
    const tokens = query.split(SPACE_OR_PUNCTUATION).filter(Boolean);
    const typing = !/[\p{Z}\p{P}]$/u.test(query);
    const clauses: Query[] = [];
    tokens.forEach((token, i) => {
      const last = typing && i === tokens.length - 1;
      const term = processTerm(token);
      // A stop word may be the start of a real one: "off" on the way to "officers".
      const stem = last ? normalise(token) : term;
      const options: Query[] = [];
      if (term) options.push({ queries: [term], combineWith: 'OR', prefix: false, fuzzy: fuzzyFor(term) });
      if (stem && stem.length >= (last ? 3 : 4)) {
        const more = this.completions(stem);
        if (more.length > 0) {
          options.push({ queries: more, combineWith: 'OR', prefix: false, fuzzy: false, boostTerm: () => PREFIX_WEIGHT });
        }
      }
      if (options.length > 0) clauses.push({ queries: options, combineWith: 'OR' });
    });
    return clauses;
  }

  /**
   * Best matches first. Every word must match; if that finds nothing, any word may, so a query with one
   * unknown word still shows something.
   */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 20;
    if (!query.trim() || limit <= 0) return [];
    const kinds = options.kinds ? new Set(options.kinds) : null;
    const filter = kinds ? (r: SearchResult): boolean => kinds.has(this.entries.get(r.id as string)?.kind as SearchKind) : undefined;
    const clauses = this.clauses(query);
    if (clauses.length === 0) return [];
    let results = this.index.search({ queries: clauses, combineWith: 'AND' }, { filter });
    if (results.length === 0 && clauses.length > 1) results = this.index.search({ queries: clauses, combineWith: 'OR' }, { filter });
    const hits: SearchHit[] = [];
    for (const r of results.slice(0, limit)) {
      const entry = this.entries.get(r.id as string);
      if (!entry) continue;
      hits.push({
        kind: entry.kind,
        id: entry.id,
        reportId: entry.reportId,
        title: entry.title,
        snippet: snippet(entry, r.terms),
        score: r.score,
      });
    }
    return hits;
  }
}
