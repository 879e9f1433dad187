import { parentPort } from 'node:worker_threads';
import { AppError } from '../../shared/api/result';
import { extract } from '../extract';
import { startPdfReader } from './pdf-text.mjs';
import { readDocument } from './read-document';
import type { WorkerRequest, WorkerReply } from './import-protocol';

/**
 * The import worker: the whole reading pipeline (readDocument, then extract) off the main thread,
 * unchanged, so a file built to stall or exhaust a reader stalls or exhausts only this thread, which
 * the main thread kills (see read-in-worker.ts). One request at a time.
 */
const port = parentPort;
if (!port) throw new Error('import-worker.ts runs only as a worker thread');

port.on('message', (request: WorkerRequest) => {
  void handle(request).then((reply) => port.postMessage(reply));
});

async function handle({ id, fileName, bytes }: WorkerRequest): Promise<WorkerReply> {
  try {
    const document = await readDocument(fileName, bytes, (done, total) => port!.postMessage({ id, progress: { done, total } } satisfies WorkerReply));
    return { id, result: { document, extraction: extract(document) } };
  } catch (error) {
    if (error instanceof AppError) return { id, error: { code: error.code, message: error.message } };
    return { id, error: { code: 'unreadable', message: `${fileName} could not be read (${error instanceof Error ? error.message : String(error)}).` } };
  }
}

// Loading the readers here, before the first file arrives, is the worker's warm-up: mammoth is compiled once, and
// PDFium starts meanwhile without holding up the answer (a failed start is tried again, and reported, by the first PDF).
void startPdfReader().catch(() => undefined);
port.postMessage({ id: 0, ready: true } satisfies WorkerReply);
