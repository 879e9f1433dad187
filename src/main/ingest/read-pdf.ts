import { Worker } from 'node:worker_threads';
import { getDocumentProxy } from 'unpdf';
import { AppError } from '../../shared/api/result';
import type { DocumentText } from './document-text';
import { IMPORT_LIMITS } from './limits';
import { layoutPage, type PageLayout, type PdfItem } from './pdf-lines';
import { joinPages } from './pdf-pages';

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;
type Progress = (done: number, total: number) => void;

/**
 * Errors only: pdf.js otherwise prints a warning for every oddity of a damaged file, and a damaged
 * file already gets one clear message from us. Fonts are never rendered, only their text read.
 */
export const PDF_OPTIONS = { verbosity: 0, disableFontFace: true, isEvalSupported: false } as const;

/** Below this many pages a worker's start-up costs more than it saves. */
const PARALLEL_FROM_PAGES = 12;
const WORKER_COUNT = 1;

export async function readPdf(fileName: string, bytes: Uint8Array, onProgress?: Progress): Promise<DocumentText> {
  const document = await openPdf(fileName, bytes);
  try {
    const total = document.numPages;
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
    const numbers = Array.from({ length: total }, (_, i) => i + 1);
    if (total < PARALLEL_FROM_PAGES) {
      await readPages(document, numbers, accept, fileName);
    } else {
      const shares = splitPages(numbers, WORKER_COUNT + 1);
      const [mine = [], ...theirs] = shares;
      await Promise.all([
        readPages(document, mine, accept, fileName),
        ...theirs.map((pages) => readPagesInWorker(bytes, pages, accept, fileName)),
      ]);
    }
    return joinPages(layouts);
  } finally {
    await document.destroy();
  }
}

async function openPdf(fileName: string, bytes: Uint8Array): Promise<PdfDocument> {
  try {
    // pdf.js takes ownership of (and may detach) the buffer it is given, and the workers need their own copy.
    // A copy as a plain Uint8Array: pdf.js refuses a Node Buffer (what readFile and Buffer.from give).
    return await getDocumentProxy(new Uint8Array(bytes), PDF_OPTIONS);
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
  return new AppError('unreadable', `${fileName} is a damaged or incomplete PDF (${message}).`);
}

async function readPages(
  document: PdfDocument,
  numbers: number[],
  accept: (page: number, items: PdfItem[]) => void,
  fileName: string,
): Promise<void> {
  try {
    for (const number of numbers) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [, , c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
        items.push({ str: item.str, x, y, width: item.width, size: Math.hypot(c, d) || item.height, eol: item.hasEOL });
      }
      page.cleanup();
      accept(number, items);
    }
  } catch (error) {
    throw pdfError(fileName, error);
  }
}

/** Deals pages out in small interleaved runs so each reader gets a similar mix of light and heavy pages. */
function splitPages(numbers: number[], readers: number): number[][] {
  const shares: number[][] = Array.from({ length: readers }, () => []);
  const run = 4;
  numbers.forEach((number, i) => shares[Math.floor(i / run) % readers]?.push(number));
  return shares;
}

interface WorkerReply {
  id: number;
  page?: number;
  items?: PdfItem[];
  done?: boolean;
  error?: { name: string; message: string };
}

let pool: Worker[] = [];
let nextJob = 0;
let nextWorker = 0;

/** Workers live as long as the process (unref'd), so pdf.js is loaded and compiled once per worker, not per file. */
function takeWorker(): Worker {
  if (pool.length < WORKER_COUNT) {
    const worker = new Worker(new URL('./pdf-worker.mjs', import.meta.url));
    worker.unref();
    worker.on('error', () => {
      pool = pool.filter((w) => w !== worker);
    });
    pool.push(worker);
    return worker;
  }
  const worker = pool[nextWorker % pool.length];
  nextWorker += 1;
  if (!worker) throw new AppError('internal', 'The PDF reader could not start.');
  return worker;
}

function readPagesInWorker(
  bytes: Uint8Array,
  pages: number[],
  accept: (page: number, items: PdfItem[]) => void,
  fileName: string,
): Promise<void> {
  if (pages.length === 0) return Promise.resolve();
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
    worker.postMessage({ id, bytes: new Uint8Array(bytes), pages });
  });
}
