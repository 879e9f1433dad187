import { join } from 'node:path';
import { createHash } from 'node:crypto';

export const NOTE_SHARDS = 64;

/** Where each kind of document lives inside a data folder. */
export function storeLayout(dir: string) {
  return {
    dir,
    index: join(dir, 'index.json'),
    reports: join(dir, 'reports'),
    report: (id: string) => join(dir, 'reports', `${id}.json`),
    texts: join(dir, 'texts'),
    text: (sha256: string) => join(dir, 'texts', `${sha256}.json`),
    sources: join(dir, 'sources'),
    source: (sha256: string) => join(dir, 'sources', sha256),
    /** Evidence files attached to findings, named by sha256 like sources (sealed when encryption at rest is on). */
    evidence: join(dir, 'evidence'),
    evidenceFile: (sha256: string) => join(dir, 'evidence', sha256),
    notes: join(dir, 'notes'),
    noteShard: (shard: number) => join(dir, 'notes', `${shard}.json`),
    backups: join(dir, 'backups'),
    setAside: join(dir, 'set-aside'),
    lock: join(dir, 'store.lock'),
    /** Derived files, rebuilt from the others whenever they are missing, damaged or out of date. */
    cache: join(dir, 'cache'),
    heads: join(dir, 'cache', 'reports.json'),
    /** The search index of reports, findings, annotations and notes (sealed when encryption at rest is on). */
    searchIndex: join(dir, 'cache', 'search.idx'),
    /** The search index of the report texts: published documents, never sealed, like texts/. */
    textIndex: join(dir, 'cache', 'search-texts.idx'),
  };
}
export type StoreLayout = ReturnType<typeof storeLayout>;

export function noteShardOf(noteId: string): number {
  return createHash('sha1').update(noteId).digest().readUInt16BE(0) % NOTE_SHARDS;
}
