import { z } from 'zod';
import { write } from './define';
import { IncomingFile, SaveOutcome } from './files';

/** A whole-store archive, up to 512 MB (over the browser host, its 90 MB request limit comes first). */
export const ArchiveFile = IncomingFile.extend({
  dataBase64: z.string().min(1).max(Math.ceil((512 * 1024 * 1024 * 4) / 3) + 4, 'the archive is larger than the 512 MB limit'),
});

export const RestoreOutcome = z.object({
  reports: z.number().int().nonnegative(),
  notes: z.number().int().nonnegative(),
  /** Where the previous contents were moved, inside the data folder; they are never deleted. */
  setAsideAs: z.string(),
});
export type RestoreOutcome = z.infer<typeof RestoreOutcome>;

export const storeCalls = {
  // Like the other exports it writes a file (through the save dialog in the desktop app).
  // From an encrypted store the archive is encrypted too, unless `unencrypted` (to move to another computer).
  'store.exportArchive': write(z.object({ unencrypted: z.boolean().optional() }), SaveOutcome, []),
  // Rewrites the store's files encrypted or plain; refused with not-available where there is no OS key store.
  'store.setEncryption': write(z.object({ on: z.boolean() }), z.object({ on: z.boolean() }), ['settings']),
  'store.restoreArchive': write(ArchiveFile, RestoreOutcome, ['settings', 'reports', 'findings', 'links', 'annotations', 'notes', 'papers']),
};
