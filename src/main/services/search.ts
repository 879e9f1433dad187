import type { SearchHit, SearchKind } from '../../shared/api/search';
import { annotationDoc, findingDoc, keyOf, noteDoc, reportDoc, SearchIndex, type SearchDoc } from '../tracking/search-index';
import type { Store, StoreChange } from '../store/repository';

/** The index every search of the app uses; the benchmark builds the same one. */
export const newSearchIndex = (): SearchIndex => new SearchIndex();

function reportDocs(store: Store, id: string): SearchDoc[] {
  const doc = store.reportDoc(id);
  if (!doc) return [];
  return [reportDoc(doc.report), ...doc.findings.map(findingDoc), ...doc.annotations.map(annotationDoc)];
}

const docKey = (doc: Pick<SearchDoc, 'kind' | 'id'>) => keyOf(doc.kind, doc.id);

/**
 * One store's search index: built on the first query, then kept current from the store's change events,
 * re-indexing only the documents of what changed.
 */
class StoreSearch {
  private index: SearchIndex | null = null;
  private building: Promise<SearchIndex> | null = null;
  /** Changes that arrive while the index is being built, applied once it is. */
  private pending: StoreChange[] = [];
  /** What each report contributed, so an edit can remove the findings and annotations it dropped. */
  private readonly byReport = new Map<string, Map<string, string>>();

  constructor(private readonly store: Store) {
    store.onChange((change) => {
      if (this.index) this.apply(this.index, change);
      else if (this.building) this.pending.push(change);
    });
  }

  async ready(): Promise<SearchIndex> {
    if (this.index) return this.index;
    this.building ??= this.build();
    return this.building;
  }

  private async build(): Promise<SearchIndex> {
    await this.store.ready;
    const index = newSearchIndex();
    const docs: SearchDoc[] = [];
    for (const doc of this.store.allReportDocs()) docs.push(...this.remember(doc.report.id, reportDocs(this.store, doc.report.id)));
    for (const note of this.store.allNotes()) docs.push(noteDoc(note));
    await index.addAllAsync(docs);
    for (const change of this.pending.splice(0)) this.apply(index, change);
    this.index = index;
    return index;
  }

  private remember(reportId: string, docs: SearchDoc[]): SearchDoc[] {
    this.byReport.set(reportId, new Map(docs.map((d) => [docKey(d), JSON.stringify(d)])));
    return docs;
  }

  private apply(index: SearchIndex, change: StoreChange): void {
    if (change.kind === 'note') {
      const note = this.store.note(change.id);
      if (note) index.replace(noteDoc(note));
      else index.remove({ kind: 'note', id: change.id });
      return;
    }
    if (change.kind !== 'report') return;
    const before = this.byReport.get(change.id) ?? new Map<string, string>();
    const docs = reportDocs(this.store, change.id);
    if (docs.length === 0) this.byReport.delete(change.id);
    else this.remember(change.id, docs);
    const now = new Set(docs.map(docKey));
    for (const key of before.keys()) {
      if (now.has(key)) continue;
      const [kind, id] = key.split(/:(.*)/s) as [SearchKind, string];
      index.remove({ kind, id });
    }
    // An edit of one annotation rewrites the whole report file; only what differs is indexed again.
    for (const doc of docs) {
      if (before.get(docKey(doc)) !== JSON.stringify(doc)) index.replace(doc);
    }
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
 * Builds the store's index in the background (in chunks, so calls go on being answered), so the
 * officer's first search does not wait for it. Long-running hosts call this once the store is open.
 */
export async function warmSearch(store: Store): Promise<void> {
  await searchOf(store).ready();
}

/** Searches reports, findings, annotations and notes of the store; best matches first. */
export async function searchStore(store: Store, q: string, options: { limit?: number; kinds?: readonly SearchKind[] } = {}): Promise<SearchHit[]> {
  const index = await searchOf(store).ready();
  return index.search(q, options).map(({ kind, id, reportId, title, snippet }) => ({
    kind,
    id,
    reportId,
    reportTitle: reportId ? (store.reportDoc(reportId)?.report.title ?? null) : null,
    title,
    snippet,
  }));
}
