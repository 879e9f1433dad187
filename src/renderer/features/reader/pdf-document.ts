import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/** pdf.js as the page view uses it, loaded on first use so the rest of the app does not wait for it. */
export type PdfJs = typeof import('pdfjs-dist');

let loading: Promise<PdfJs> | null = null;

export function pdfjs(): Promise<PdfJs> {
  loading ??= import('pdfjs-dist').then((lib) => {
    // The worker is a file of the app itself (no blob:, no network), so the CSP's 'self' covers it.
    lib.GlobalWorkerOptions.workerSrc = workerUrl;
    return lib;
  });
  return loading;
}

function decodeBase64(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Opens the PDF as imported. No script in the PDF runs, nothing is fetched (no font or cMap URLs; fonts
 * the file does not embed come from the system), and pdf.js does not compile font code with eval, which
 * the CSP forbids.
 */
export async function openPdf(dataBase64: string): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  return lib.getDocument({
    data: decodeBase64(dataBase64),
    isEvalSupported: false,
    enableXfa: false,
    disableAutoFetch: true,
    verbosity: 0,
  }).promise;
}
