import { MAX_IMPORT_BYTES } from '../../shared/domain/import-limits';

/** What the importer refuses, so the README and the error messages quote the same figures. */
export const IMPORT_LIMITS = {
  maxFileBytes: MAX_IMPORT_BYTES,
  maxPdfPages: 2000,
  /** Elements open inside one another in an HTML page (or a DOCX converted to HTML). */
  maxHtmlDepth: 2000,
  maxDocxUncompressedBytes: 200 * 1024 * 1024,
  maxDocxCompressionRatio: 100,
  /** How long reading and extracting one file may take in its worker before the worker is killed. */
  maxReadSeconds: 60,
  /** The import worker's heap (V8 old generation), MB: a file that needs more is refused as too large when unpacked. */
  maxReadMemoryMb: 1024,
  /** Share of control characters above which a "text" file is taken to be binary. */
  maxControlCharRatio: 0.02,
} as const;

export function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
