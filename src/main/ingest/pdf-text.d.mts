import type { PdfItem } from './pdf-lines';

export interface OpenPdf {
  pageCount: number;
  /** The page's text runs (1-based page number). */
  readPage(number: number): PdfItem[];
  close(): void;
}

export function openPdf(bytes: Uint8Array, maxHeapMb: number): Promise<OpenPdf>;

export function takePage(next: Int32Array): number;

export function startPdfReader(): Promise<void>;
