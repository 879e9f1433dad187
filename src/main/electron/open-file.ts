import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { app, shell } from 'electron';
import { AppError } from '../../shared/api/result';
import { atomicWrite } from '../store/atomic-write';

/**
 * Opens an evidence file in the system's own app (Acrobat, Word, Outlook …). The store keeps files by
 * sha256 and, when encrypted, sealed, so the app opens a copy under its own name in the temp folder.
 */
export async function openInSystemApp(fileName: string, bytes: Uint8Array): Promise<void> {
  const folder = join(app.getPath('temp'), 'liaison-desk-evidence', randomUUID());
  await mkdir(folder, { recursive: true });
  const file = join(folder, fileName);
  await atomicWrite(file, bytes);
  const problem = await shell.openPath(file);
  if (problem) throw new AppError('not-available', `The system could not open “${fileName}”: ${problem}`);
}
