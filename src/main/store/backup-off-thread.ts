import { mkdir } from 'node:fs/promises';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers/spawn';
import { ARCHIVE_FORMAT, type ArchiveHeader } from './archive';
import { atomicWrite } from './atomic-write';
import { backupFileFor, mutableRecords, type StoreSnapshot } from './backups';
import type { BackupReply, BackupRequest } from './backup-protocol';
import { seal, type Cipher } from './cipher';
import type { StoreLayout } from './layout';
import { SCHEMA_VERSION } from './schema';

/** Lines sent per batch, and how long the main thread may turn documents into JSON before it lets other calls in. */
const BATCH_BYTES = 1024 * 1024;
const SLICE_MS = 8;

let worker: Worker | null = null;
let ready: Promise<void> | null = null;
let nextId = 1;

function backupWorker(): { worker: Worker; ready: Promise<void> } {
  if (!worker || worker.threadId === -1) {
    const started = startWorker('backup-worker');
    worker = started;
    started.unref();
    started.on('exit', () => {
      if (worker === started) worker = null;
    });
    ready = new Promise<void>((resolve, reject) => {
      const onMessage = (message: BackupReply) => {
        if (!('ready' in message)) return;
        started.off('message', onMessage);
        resolve();
      };
      started.on('message', onMessage);
      started.once('error', reject);
    });
    ready.catch(() => undefined);
  }
  return { worker: worker!, ready: ready! };
}

/** Stops the backup worker (tests; the app lets it end with the process). */
export async function stopBackupWorker(): Promise<void> {
  const current = worker;
  worker = null;
  await current?.terminate();
}

/**
 * Writes a backup as writeBackup does, with the costly work in a worker: the main thread only turns
 * the snapshot's documents into JSON lines, in slices of a few milliseconds so calls are answered
 * between them, and hands them over; the worker gzips, writes durably, reads back and validates. A
 * sealed backup comes back checked and is sealed and written here (the cipher lives in main).
 * The snapshot holds the documents as they were when it was taken: a save replaces a document, it never edits one.
 */
export async function writeBackupOffThread(layout: StoreLayout, snapshot: StoreSnapshot, now: Date, cipher?: Cipher, keepExisting = false): Promise<string> {
  await mkdir(layout.backups, { recursive: true });
  const file = backupFileFor(layout, now, keepExisting);
  const header: ArchiveHeader = { format: ARCHIVE_FORMAT, version: 1, schemaVersion: SCHEMA_VERSION, createdAt: now.toISOString(), contents: 'backup' };
  const { worker: thread, ready: started } = backupWorker();
  await started;
  thread.ref();
  const id = nextId++;
  const replies: BackupReply[] = [];
  let wake: (() => void) | null = null;
  let failed: Error | null = null;
  const onMessage = (message: BackupReply) => {
    if (message.id !== id) return;
    replies.push(message);
    wake?.();
  };
  const onError = (error: Error) => {
    failed = error;
    wake?.();
  };
  const next = async (): Promise<BackupReply> => {
    while (!replies.length) {
      if (failed) throw failed;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
    const message = replies.shift()!;
    if ('error' in message) throw new Error(message.error);
    return message;
  };
  thread.on('message', onMessage);
  thread.on('error', onError);
  try {
    const send = (request: BackupRequest) => thread.postMessage(request);
    send({ id, kind: 'begin', file, header, sealed: cipher !== undefined });
    let lines: string[] = [];
    let bytes = 0;
    let slice = performance.now();
    for (const record of mutableRecords(snapshot)) {
      const line = JSON.stringify(record);
      lines.push(line);
      bytes += line.length;
      if (bytes >= BATCH_BYTES) {
        send({ id, kind: 'lines', lines });
        lines = [];
        bytes = 0;
        await next();
      }
      if (performance.now() - slice > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        slice = performance.now();
      }
    }
    if (lines.length) {
      send({ id, kind: 'lines', lines });
      await next();
    }
    send({ id, kind: 'end' });
    const done = await next();
    if (cipher) {
      if (!('done' in done) || !done.bytes) throw new Error('the backup worker sent no backup');
      await atomicWrite(file, seal(cipher, Buffer.from(done.bytes)));
    }
    return file;
  } finally {
    thread.off('message', onMessage);
    thread.off('error', onError);
    thread.unref();
  }
}
