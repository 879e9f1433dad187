import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { once } from 'node:events';
import { parentPort } from 'node:worker_threads';
import { createGzip, type Gzip } from 'node:zlib';
import type { Writable } from 'node:stream';
import { settleFile } from './archive';
import { verifyArchive } from './backups';
import type { BackupReply, BackupRequest } from './backup-protocol';

/**
 * The backup worker: gzips the lines the main thread sends, writes them durably (or, for a sealed
 * store, keeps them in memory for the main thread to seal), and reads the result back and validates
 * every record before it counts — the costly part of a backup, off the main thread.
 */
const port = parentPort;
if (!port) throw new Error('backup-worker.ts runs only as a worker thread');

interface Job {
  gzip: Gzip;
  finished: Promise<void>;
  chunks: Buffer[] | null;
  temp: string | null;
  file: string;
}

const jobs = new Map<number, Job>();
let queue: Promise<void> = Promise.resolve();
const reply = (message: BackupReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

port.on('message', (request: BackupRequest) => {
  // One message at a time, in order: a batch is written before the next one is looked at.
  queue = queue.then(() => handle(request)).catch(async (error: unknown) => {
    const job = jobs.get(request.id);
    jobs.delete(request.id);
    job?.gzip.destroy();
    if (job?.temp) await rm(job.temp, { force: true });
    reply({ id: request.id, error: (error as Error).message ?? String(error) });
  });
});

async function handle(request: BackupRequest): Promise<void> {
  if (request.kind === 'begin') {
    const gzip = createGzip({ level: 6 });
    const chunks: Buffer[] | null = request.sealed ? [] : null;
    const temp = request.sealed ? null : `${request.file}.partial`;
    let out: Writable | null = null;
    if (chunks) gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
    else gzip.pipe((out = createWriteStream(temp!)));
    const finished = new Promise<void>((resolve, reject) => {
      (out ?? gzip).on(out ? 'finish' : 'end', () => resolve());
      gzip.on('error', reject);
      out?.on('error', reject);
    });
    // An unfinished job's rejection is reported through the queue; unawaited it must not be unhandled.
    finished.catch(() => undefined);
    jobs.set(request.id, { gzip, finished, chunks, temp, file: request.file });
    await write(gzip, [JSON.stringify(request.header)]);
    return;
  }
  const job = jobs.get(request.id);
  if (!job) throw new Error('the backup was not begun');
  if (request.kind === 'lines') {
    await write(job.gzip, request.lines);
    reply({ id: request.id, ack: true });
    return;
  }
  job.gzip.end();
  await job.finished;
  jobs.delete(request.id);
  if (job.chunks) {
    const bytes = Buffer.concat(job.chunks);
    await verifyArchive(bytes);
    const copy = new Uint8Array(bytes);
    reply({ id: request.id, done: true, bytes: copy }, [copy.buffer]);
    return;
  }
  try {
    await verifyArchive(job.temp!);
    await settleFile(job.temp!, job.file);
  } catch (error) {
    await rm(job.temp!, { force: true });
    throw error;
  }
  reply({ id: request.id, done: true });
}

async function write(gzip: Gzip, lines: string[]): Promise<void> {
  for (const line of lines) if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
}

reply({ id: 0, ready: true });
