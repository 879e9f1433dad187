import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/api/result';
import type { DocumentText } from './document-text';
import { IMPORT_LIMITS } from './limits';
import { layoutPage, type PageLayout, type PdfItem } from './pdf-lines';
import { joinPages } from './pdf-pages';
import { openPdf as openPdfium, takePage, type OpenPdf } from './pdf-text.mjs';

type Progress = (done: number, total: number) => void;

/** Below this many pages a worker's start-up costs more than it saves. */
const PARALLEL_FROM_PAGES = 12;

export async function readPdf(fileName: string, bytes: Uint8Array, onProgress?: Progress): Promise<DocumentText> {
  const document = await openPdf(fileName, bytes);
  try {
    const total = document.pageCount;
    if (total > IMPORT_LIMITS.maxPdfPages) {
      throw new AppError('too-large', `${fileName} has ${total} pages; the limit is ${IMPORT_LIMITS.maxPdfPages}.`);
    }
    const layouts: PageLayout[] = Array.from({ length: total }, () => ({ parts: [] }));
    let done = 0;
    const accept = (page: number, items: PdfItem[]): void => {
      layouts[page - 1] = layoutPage(items);
      done += 1;
      onProgress?.(done, total);
    };
    // Both readers take the next unread page from one shared counter, so the one that is ahead (the worker
    // starts late; this thread also lays every page out) reads more, and neither waits for the other at the end.
    const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    try {
      await Promise.all([
        readPages(document, next, accept, fileName),
        ...(total < PARALLEL_FROM_PAGES ? [] : [readPagesInWorker(bytes, total, next, accept, fileName)]),
      ]);
    } finally {
      // After a failure, the other reader stops at its next page instead of reading the rest for nothing.
      Atomics.store(next, 0, total);
    }
    return joinPages(layouts);
  } finally {
    document.close();
  }
}

async function openPdf(fileName: string, bytes: Uint8Array): Promise<OpenPdf> {
  try {
    return await openPdfium(bytes, IMPORT_LIMITS.maxReadMemoryMb);
  } catch (error) {
    throw pdfError(fileName, error);
  }
}

function pdfError(fileName: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const name = error instanceof Error ? error.name : (error as { name?: string } | null)?.name;
  const message = error instanceof Error ? error.message : String((error as { message?: string } | null)?.message ?? error);
  if (name === 'PasswordException' || /password/i.test(message)) {
    return new AppError('unreadable', `${fileName} is password-protected; open it, save an unprotected copy and import that.`);
  }
  if (name === 'MemoryLimit') {
    return new AppError('too-large', `${fileName} is too large when unpacked: ${message}; it was not imported.`);
  }
  return new AppError('unreadable', `${fileName} is a damaged or incomplete PDF (${message}).`);
}

async function readPages(
  document: OpenPdf,
  next: Int32Array,
  accept: (page: number, items: PdfItem[]) => void,
  fileName: string,
): Promise<void> {
  try {
    for (let number = takePage(next); number <= document.pageCount; number = takePage(next)) {
      accept(number, document.readPage(number));
      // Reading a page is synchronous: between pages, the page worker's pages are taken in and laid out.
      await nextTurn();
    }
  } catch (error) {
    throw pdfError(fileName, error);
  }
}

interface WorkerReply {
  id: number;
  page?: number;
  items?: PdfItem[];
  done?: boolean;
  error?: { name: string; message: string };
}

let pageWorker: Worker | undefined;
let nextJob = 0;

/** The page worker lives as long as the process (unref'd), so its PDFium is started once, not per file. */
function takeWorker(): Worker {
  if (pageWorker) return pageWorker;
  const worker = new Worker(new URL('./pdf-worker.mjs', import.meta.url));
  worker.unref();
  worker.on('error', () => {
    if (pageWorker === worker) pageWorker = undefined;
  });
  pageWorker = worker;
  return worker;
}

function readPagesInWorker(
  bytes: Uint8Array,
  total: number,
  next: Int32Array,
  accept: (page: number, items: PdfItem[]) => void,
  fileName: string,
): Promise<void> {
  const worker = takeWorker();
  const id = (nextJob += 1);
  return new Promise<void>((resolve, reject) => {
    const finish = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
    };
    const onError = (error: Error): void => {
      finish();
      reject(pdfError(fileName, error));
    };
    const onMessage = (reply: WorkerReply): void => {
      if (reply.id !== id) return;
      if (reply.error) {
        finish();
        reject(pdfError(fileName, reply.error));
      } else if (reply.done) {
        finish();
        resolve();
      } else if (reply.page !== undefined && reply.items) {
        accept(reply.page, reply.items);
      }
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage({ id, bytes, next, total, maxHeapMb: IMPORT_LIMITS.maxReadMemoryMb });
  });
}
