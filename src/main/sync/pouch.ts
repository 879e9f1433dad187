import PouchDB from 'pouchdb';

/**
 * The parts of PouchDB the sync layer uses, typed here (PouchDB ships no types of its own). PouchDB is
 * the replication client: it keeps the local copy in LevelDB and speaks CouchDB's replication
 * protocol (checkpoints, batches, retries, conflicts); nothing here replicates by hand.
 */
export interface PouchError {
  status?: number;
  name?: string;
  error?: string;
  reason?: string;
  message?: string;
  id?: string;
}

export interface ReplicationResult {
  ok: boolean;
  docs_read: number;
  docs_written: number;
  doc_write_failures: number;
  errors: PouchError[];
  last_seq?: number | string;
  docs?: { _id: string; _rev: string }[];
}

export interface Replication extends PromiseLike<ReplicationResult> {
  on(event: 'change', listener: (info: ReplicationResult) => void): Replication;
  on(event: 'denied', listener: (error: PouchError) => void): Replication;
  on(event: 'error', listener: (error: PouchError) => void): Replication;
  on(event: 'paused', listener: (error?: PouchError) => void): Replication;
  on(event: 'active' | 'complete', listener: (info?: unknown) => void): Replication;
  cancel(): void;
}

export interface ReplicateOptions {
  live?: boolean;
  retry?: boolean;
  batch_size?: number;
  batches_limit?: number;
  filter?: (doc: { _id: string }) => boolean;
  back_off_function?: (delay: number) => number;
}

export interface BulkResult {
  ok?: boolean;
  id: string;
  rev?: string;
  error?: string | boolean;
  status?: number;
  reason?: string;
  name?: string;
}

export interface AllDocsRow<T> {
  id: string;
  key: string;
  value: { rev: string; deleted?: boolean };
  doc?: T;
}

export interface ChangesFeed {
  on(event: 'change', listener: (change: { id: string; seq: number | string; changes: { rev: string }[]; deleted?: boolean }) => void): ChangesFeed;
  on(event: 'error', listener: (error: unknown) => void): ChangesFeed;
  cancel(): void;
}

export interface Pouch {
  get<T = Record<string, unknown>>(id: string, options?: Record<string, unknown>): Promise<T>;
  put(doc: Record<string, unknown>): Promise<{ ok: boolean; id: string; rev: string }>;
  bulkDocs(docs: object[], options?: Record<string, unknown>): Promise<BulkResult[]>;
  allDocs<T = Record<string, unknown>>(options?: Record<string, unknown>): Promise<{ total_rows: number; rows: AllDocsRow<T>[] }>;
  changes(options: Record<string, unknown>): ChangesFeed & PromiseLike<{ results: { id: string; seq: number | string; changes: { rev: string }[] }[]; last_seq: number | string }>;
  info(): Promise<{ doc_count: number; update_seq: number | string }>;
  replicate: {
    to(target: Pouch, options?: ReplicateOptions): Replication;
    from(source: Pouch, options?: ReplicateOptions): Replication;
  };
  close(): Promise<void>;
  destroy(): Promise<void>;
}

export interface RemoteAuth {
  username: string;
  password: string;
}

/**
 * The local copy, in LevelDB inside the data folder. Revision ids are random rather than a hash of each
 * document: every merge stamps the time, so the same write is never made twice with the same content, and
 * hashing each document (attachments and all) cost a third of a first upload's time.
 */
export const openLocal = (folder: string): Pouch =>
  new (PouchDB as unknown as new (name: string, options?: object) => Pouch)(folder, { auto_compaction: false, deterministic_revs: false });

/** The team database on the server. `skip_setup`: never create it (that is the server admin's job). */
export const openRemote = (url: string, auth: RemoteAuth): Pouch =>
  new (PouchDB as unknown as new (name: string, options?: object) => Pouch)(url, { auth, skip_setup: true });
