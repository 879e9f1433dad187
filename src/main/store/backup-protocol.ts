import type { ArchiveHeader } from './archive';

/** Main thread → backup worker: one backup as a begin, batches of JSON lines, and an end. */
export type BackupRequest =
  | { id: number; kind: 'begin'; file: string; header: ArchiveHeader; sealed: boolean }
  | { id: number; kind: 'lines'; lines: string[] }
  | { id: number; kind: 'end' };

/** Backup worker → main thread: a batch taken (flow control), then done (with the checked gzip bytes when they are to be sealed) or an error. */
export type BackupReply = { id: number; ack: true } | { id: number; done: true; bytes?: Uint8Array } | { id: number; error: string } | { id: 0; ready: true };
