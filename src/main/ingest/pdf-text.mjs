// Plain JavaScript, shared by read-pdf.ts (the import worker) and pdf-worker.mjs (the page worker), which
// must run untranspiled under tsx, vitest and the built app alike. Types: pdf-text.d.mts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { init } from '@embedpdf/pdfium';

/** PDFium's error codes (FPDF_GetLastError), as the reader's messages put them. */
const OPEN_ERRORS = {
  2: 'the file could not be opened',
  3: 'it is not a PDF, or its structure is broken',
  5: 'it uses an encryption scheme that is not supported',
  6: 'a page could not be read',
};
const PASSWORD = 4;
/** The errors this module throws itself, by name; anything else PDFium throws is a trap or an abort. */
const READER_ERRORS = new Set(['PasswordException', 'InvalidPDFException', 'MemoryLimit']);
/** A thread whose PDFium heap grew past this for one file starts a fresh instance for the next (WebAssembly memory never shrinks). */
const KEEP_HEAP_BYTES = 256 * 1024 * 1024;

let loading;
/** The instance `loading` gave, once started (so a dropped one is not dropped twice). */
let current;

/**
 * PDFium compiled to WebAssembly, one instance per thread, started at first use from the package's own
 * .wasm file (it is never fetched). Its exports are called directly: through the wrapper's cwrap each of
 * a page's thousands of character calls would cost more than reading the page.
 */
function pdfium() {
  loading ??= (async () => {
    const wasmBinary = readFileSync(createRequire(import.meta.url).resolve('@embedpdf/pdfium/pdfium.wasm'));
    // PDFium's own complaints would go to the console; a file it cannot read already gets one clear message from us.
    const module = await init({ wasmBinary, print: () => undefined, printErr: () => undefined });
    const exports = module.pdfium.wasmExports;
    exports.FPDF_InitLibrary();
    // Room for what one character's calls write: its origin (2 doubles), then its loose box (4 floats) and matrix (6 floats).
    current = { exports, heap: () => exports.memory.buffer, scratch: exports.malloc(2 * 8 + 10 * 4), dead: false };
    return current;
  })();
  // A start that failed is tried again by the next file, not remembered.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/**
 * The next page no reader has taken (1-based), from the counter the import worker and the page worker share
 * (see readPdf in read-pdf.ts); past the last page when all are taken.
 */
export const takePage = (next) => Atomics.add(next, 0, 1) + 1;

/** Starts this thread's PDFium now (a worker's warm-up), so the first file does not wait for it. */
export async function startPdfReader() {
  await pdfium();
}

/** Thrown for a file PDFium refuses or cannot hold; `name` says why, for the messages of read-pdf.ts (pdfError). */
function readerError(name, message) {
  const error = new Error(message);
  error.name = name;
  return error;
}

/**
 * Opens a PDF held in memory. `maxHeapMb` bounds the reader's memory for this file: past it, opening or
 * reading a page throws a 'MemoryLimit' error (the import worker's V8 limit does not cover WebAssembly memory).
 */
export async function openPdf(bytes, maxHeapMb) {
  const reader = await pdfium();
  const { exports } = reader;
  const withinLimit = () => {
    if (reader.heap().byteLength > maxHeapMb * 1024 * 1024) throw readerError('MemoryLimit', `reading it needed more than ${maxHeapMb.toLocaleString('en-GB')} MB of memory`);
  };
  const { data, document } = guard(reader, () => {
    const data = exports.malloc(bytes.length);
    if (!data) throw readerError('MemoryLimit', 'the file is too large to hold in memory');
    new Uint8Array(reader.heap(), data, bytes.length).set(bytes);
    const document = exports.FPDF_LoadMemDocument(data, bytes.length, 0);
    if (!document) {
      const code = exports.FPDF_GetLastError();
      exports.free(data);
      if (code === PASSWORD) throw readerError('PasswordException', 'the file is password-protected');
      throw readerError('InvalidPDFException', OPEN_ERRORS[code] ?? `PDFium could not open it (error ${code})`);
    }
    return { data, document };
  });
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    if (reader.dead) return;
    exports.FPDF_CloseDocument(document);
    exports.free(data);
    if (reader.heap().byteLength > KEEP_HEAP_BYTES) discard(reader);
  };
  try {
    withinLimit();
    return {
      pageCount: guard(reader, () => exports.FPDF_GetPageCount(document)),
      readPage: (number) =>
        guard(reader, () => {
          const items = readPage(reader, document, number);
          withinLimit();
          return items;
        }),
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}

/**
 * Runs calls into PDFium. A trap or an abort inside it (a file that breaks the reader) leaves its memory in
 * no known state: that instance is dropped, the next file gets a fresh one, and this file a clear error.
 */
function guard(reader, calls) {
  try {
    return calls();
  } catch (error) {
    if (error instanceof Error && READER_ERRORS.has(error.name)) throw error;
    discard(reader);
    throw readerError('InvalidPDFException', `the reader stopped on it: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function discard(reader) {
  reader.dead = true;
  if (current === reader) loading = current = undefined;
}

/**
 * A page's text as positioned runs, what pdf-lines.ts lays out: characters in the order the page draws
 * them, a run ending where its line changes, the pen jumps back, or a gap wider than the font size opens
 * (table cells; the gap itself is given as a wide space). Lines are followed in the text's own direction,
 * so rotated text (a margin label) reads as one run. A line break PDFium generates ends a run, and marks it
 * `eol` when the text goes on at another line (not for a raised footnote number). Spaces stay in their
 * run; the hyphen PDFium marks as breaking a word at a line end is kept as '-' for pdf-pages.ts to judge;
 * the letters of one ligature share an origin and stay together.
 */
function readPage(reader, document, number) {
  const { exports, scratch } = reader;
  const page = exports.FPDF_LoadPage(document, number - 1);
  if (!page) throw readerError('InvalidPDFException', `page ${number} could not be read`);
  const text = exports.FPDFText_LoadPage(page);
  const items = [];
  try {
    if (!text) throw readerError('InvalidPDFException', `the text of page ${number} could not be read`);
    const count = exports.FPDFText_CountChars(text);
    // Views of PDFium's memory for the numbers it writes at `scratch`; taking one character's numbers allocates nothing.
    let origin = new Float64Array(reader.heap(), scratch, 2);
    let box = new Float32Array(reader.heap(), scratch + 16, 4);
    let matrix = new Float32Array(reader.heap(), scratch + 32, 6);
    /** The run being built: where it starts, how far it reaches along its line (u) and where its line lies across (v). */
    let run = null;
    /** A line break PDFium generated after the run, judged by where the next character is. */
    let broken = false;
    let lastU = 0;
    const finish = (eol = false) => {
      const done = run;
      if (done) items.push({ str: done.str, x: done.x, y: done.y, width: done.u1 - done.u0, size: done.size, eol });
      run = null;
      return done;
    };
    for (let i = 0; i < count; i += 1) {
      const code = exports.FPDFText_GetUnicode(text, i);
      if (code === 10 || code === 13) {
        broken ||= run !== null && exports.FPDFText_IsGenerated(text, i) === 1;
        continue;
      }
      if (code === 0 || code === 0xfffe || code > 0x10ffff) continue;
      if (code === 32 || code === 0xa0) {
        if (run) run.str += ' ';
        continue;
      }
      exports.FPDFText_GetCharOrigin(text, i, scratch, scratch + 8);
      // The loose box spans the character's advance (to where the next one starts), as pdf.js's widths did, not its ink.
      exports.FPDFText_GetLooseCharBox(text, i, scratch + 16);
      const hasMatrix = exports.FPDFText_GetMatrix(text, i, scratch + 32);
      if (origin.length === 0) {
        // Memory that grew moves PDFium's heap to a new buffer (none of these calls should grow it).
        origin = new Float64Array(reader.heap(), scratch, 2);
        box = new Float32Array(reader.heap(), scratch + 16, 4);
        matrix = new Float32Array(reader.heap(), scratch + 32, 6);
      }
      const a = hasMatrix ? matrix[0] : 1;
      const b = hasMatrix ? matrix[1] : 0;
      const scale = hasMatrix ? Math.hypot(matrix[2], matrix[3]) || 1 : 1;
      const along = Math.hypot(a, b) || 1;
      const cos = a / along;
      const sin = b / along;
      const x = origin[0];
      const y = origin[1];
      const u = x * cos + y * sin;
      const v = y * cos - x * sin;
      // How far along its line the character's box (left, top, right, bottom) reaches.
      const reach = Math.max(u, Math.max(box[0] * cos, box[2] * cos) + Math.max(box[1] * sin, box[3] * sin));
      // The size as drawn: the font size as the text's matrix scales it (PDFium gives the two apart).
      const size = exports.FPDFText_GetFontSize(text, i) * scale;
      const char = code === 2 ? '-' : String.fromCodePoint(code);
      const sameLine = run && Math.abs(cos - run.cos) < 0.01 && Math.abs(sin - run.sin) < 0.01 && Math.abs(v - run.v) <= run.size * 0.2 && u >= lastU - run.size;
      if (run && !sameLine) {
        // PDFium's break ends a line only where the text goes on at another line: not before a raised footnote
        // number, and not inside rotated text, where it breaks lines that are not there.
        finish(broken && Math.abs(v - run.v) > Math.max(size, run.size) * 0.5);
      } else if (broken && run && u - run.u1 > run.size * 0.15 && !run.str.endsWith(' ')) {
        run.str += ' ';
      }
      broken = false;
      if (run && u - run.u1 > Math.max(size, run.size)) {
        // A wide gap on the line (between table cells, before a right-aligned number) becomes one wide space, as pdf.js gave it.
        const { x: x0, y: y0, u0, u1, size: runSize } = finish();
        items.push({ str: ' ', x: x0 + (u1 - u0) * cos, y: y0 + (u1 - u0) * sin, width: u - u1, size: runSize, eol: false });
      }
      if (!run) run = { str: char, x, y, u0: u, u1: reach, v, cos, sin, size };
      else {
        run.str += char;
        run.u1 = Math.max(run.u1, reach);
        run.size = Math.max(run.size, size);
      }
      lastU = u;
    }
    finish(true);
    return items;
  } finally {
    if (text) exports.FPDFText_ClosePage(text);
    exports.FPDF_ClosePage(page);
  }
}
