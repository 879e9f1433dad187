import { promises as nodeFs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** The file-system calls an atomic write needs; tests inject failures (EPERM, ENOSPC) through this. */
export interface WriteFs {
  open: typeof nodeFs.open;
  rename: typeof nodeFs.rename;
  rm: typeof nodeFs.rm;
}

const RETRYABLE = new Set(['EPERM', 'EBUSY', 'EACCES']);

/** Windows antivirus and sync clients hold files for a moment; a rename over them fails with EPERM/EBUSY. */
export const RENAME_RETRY_DELAYS_MS = [10, 20, 40, 80, 160, 320, 640];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes a whole file so that a crash or power cut leaves either the old or the new content:
 * write a temp file beside it, fsync, rename over the target (retrying while another program holds
 * it), then fsync the folder so the rename itself is durable. On failure the temp file is removed and
 * the target is untouched.
 */
export async function atomicWrite(file: string, data: string | Uint8Array, fs: WriteFs = nodeFs): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(temp, file, fs);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  try {
    await syncFolder(dirname(file), fs);
  } catch {
    // The new file is in place; only making the rename durable failed. One more try (a passing fault), then report it.
    await sleep(RENAME_RETRY_DELAYS_MS[1]!);
    try {
      await syncFolder(dirname(file), fs);
    } catch (error) {
      throw Object.assign(error as Error, { renamed: true });
    }
  }
}

/** Whether a failed atomicWrite had already put the new file in place (only the folder's fsync failed). */
export const wasRenamed = (error: unknown): boolean => (error as { renamed?: boolean } | null)?.renamed === true;

async function renameWithRetry(from: string, to: string, fs: WriteFs): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      const delay = RENAME_RETRY_DELAYS_MS[attempt];
      if (!RETRYABLE.has(code) || delay === undefined) throw error;
      await sleep(delay);
    }
  }
}

async function syncFolder(folder: string, fs: WriteFs): Promise<void> {
  // Folders cannot be opened for fsync on Windows; there NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await fs.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
