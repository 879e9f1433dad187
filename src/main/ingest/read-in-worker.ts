import type { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/api/result';
import type { Extraction } from '../../shared/domain/extraction';
import { startWorker } from '../workers/spawn';
import type { DocumentText } from './document-text';
import type { WorkerReply, WorkerRequest } from './import-protocol';
import { IMPORT_LIMITS } from './limits';

export interface ReadLimits {
  /** How long one file may take to read and extract, from the moment the worker has it. */
  timeMs: number;
  /** The worker's V8 heap; a file that needs more is "too large when unpacked". */
  memoryMb: number;
}

export const READ_LIMITS: ReadLimits = { timeMs: IMPORT_LIMITS.maxReadSeconds * 1000, memoryMb: IMPORT_LIMITS.maxReadMemoryMb };

interface Reader {
  worker: Worker;
  ready: Promise<void>;
  memoryMb: number;
}

/** Readers started and idle, so an import does not wait for PDFium and mammoth to load: one is kept. */
const idle: Reader[] = [];
const KEEP_IDLE = 1;
let nextId = 1;

function startReader(memoryMb: number): Reader {
  const worker = startWorker('import-worker', { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 8 });
  const ready = new Promise<void>((resolve, reject) => {
    const onMessage = (reply: WorkerReply) => {
      if (!reply.ready) return;
      worker.off('message', onMessage);
      worker.off('error', reject);
      resolve();
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });
  // A start that fails is reported by the import that waits for it; unawaited, it must not be an unhandled rejection.
  ready.catch(() => undefined);
  worker.unref();
  return { worker, ready, memoryMb };
}

/**
 * Starts a reader now, so the first import does not pay for loading PDFium and mammoth (the app calls
 * this once the first screen is up). Nothing happens if one is already waiting.
 */
export function warmImportReader(limits: ReadLimits = READ_LIMITS): void {
  if (idle.length === 0) idle.push(startReader(limits.memoryMb));
}

/** Stops the idle readers (tests, and a clean shutdown). */
export async function stopImportReaders(): Promise<void> {
  await Promise.all(idle.splice(0).map((reader) => reader.worker.terminate()));
}

/**
 * Reads and extracts one file in a worker thread: readDocument then extract, exactly as they are, off
 * the main thread, so other calls are answered meanwhile. The worker has a heap limit and a time
 * limit; past either it is killed and the import fails with "… is too large when unpacked" or
 * "… took too long to read". Errors come back as AppErrors with their codes.
 */
export async function readAndExtract(
  fileName: string,
  bytes: Uint8Array,
  onProgress?: (done: number, total: number) => void,
  limits: ReadLimits = READ_LIMITS,
): Promise<{ document: DocumentText; extraction: Extraction }> {
  const index = idle.findIndex((reader) => reader.memoryMb === limits.memoryMb);
  const reader = index >= 0 ? idle.splice(index, 1)[0]! : startReader(limits.memoryMb);
  const { worker } = reader;
  worker.ref();
  let finished = false;
  let dead = false;
  try {
    await reader.ready;
  } catch (error) {
    await worker.terminate();
    throw new AppError('internal', `The document reader could not start (${(error as Error).message}).`);
  }
  const id = nextId++;
  const outcome = await new Promise<{ document: DocumentText; extraction: Extraction }>((resolve, reject) => {
    const settle = (done: () => void) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      done();
    };
    const timer = setTimeout(() => {
      dead = true;
      settle(() => reject(new AppError('too-large', tooSlow(fileName, limits.timeMs))));
      void worker.terminate();
    }, limits.timeMs);
    const onMessage = (reply: WorkerReply) => {
      if (reply.id !== id) return;
      if (reply.progress) onProgress?.(reply.progress.done, reply.progress.total);
      else if (reply.error) settle(() => reject(new AppError(reply.error!.code, reply.error!.message)));
      else if (reply.result) settle(() => resolve(reply.result!));
    };
    const onError = (error: Error & { code?: string }) => {
      dead = true;
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new AppError('too-large', tooBig(fileName, limits.memoryMb))
            : new AppError('unreadable', `${fileName} could not be read: the reader stopped (${error.message}).`),
        ),
      );
    };
    const onExit = (code: number) => {
      dead = true;
      settle(() => reject(new AppError('unreadable', `${fileName} could not be read: the reader stopped (exit code ${code}).`)));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    const copy = new Uint8Array(bytes);
    worker.postMessage({ id, fileName, bytes: copy } satisfies WorkerRequest, [copy.buffer]);
  }).catch(async (error: unknown) => {
    // After a refusal of its own the worker is fine; after a kill or a crash it is gone.
    if (dead) await worker.terminate();
    else keep(reader);
    throw error;
  });
  keep(reader);
  return outcome;
}

function keep(reader: Reader): void {
  reader.worker.unref();
  if (idle.length < KEEP_IDLE && reader.worker.threadId !== -1) idle.push(reader);
  else void reader.worker.terminate();
}

const seconds = (ms: number) => `${Math.round(ms / 1000).toLocaleString('en-GB')} second${Math.round(ms / 1000) === 1 ? '' : 's'}`;

function tooSlow(fileName: string, ms: number): string {
  return `${fileName} took too long to read (more than ${seconds(ms)}); it was not imported. A real report reads in seconds: the file may be damaged, or built to stall readers.`;
}

function tooBig(fileName: string, mb: number): string {
  return `${fileName} is too large when unpacked: reading it needed more than ${mb.toLocaleString('en-GB')} MB of memory; it was not imported.`;
}
