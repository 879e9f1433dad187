import { z } from 'zod';
import { MAX_IMPORT_BYTES } from '../domain/import-limits';

/** A file the renderer hands main as bytes (from a file picker or a drop); main never gets a path. */
export const IncomingFile = z.object({
  fileName: z.string().min(1).max(255),
  dataBase64: z.string().max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4, 'file is larger than the 64 MB import limit'),
});
export type IncomingFile = z.infer<typeof IncomingFile>;

/**
 * What became of a file main was asked to save. In the desktop app main shows a save dialog and
 * writes the file; over the browser host the bytes come back for the page to download.
 */
export const SaveOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), path: z.string() }),
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('download'), fileName: z.string(), mimeType: z.string(), dataBase64: z.string() }),
]);
export type SaveOutcome = z.infer<typeof SaveOutcome>;
