import { stat } from 'node:fs/promises';

/**
 * What a file looked like on disk: its size, modification time and inode. Every save replaces a file
 * by renaming a new one over it, so any change, ours or anyone's, gives a different stamp. Derived
 * files (the report heads, the search index) record the stamps of what they were made from and are
 * trusted only where those still match.
 */
export async function stampOf(file: string): Promise<string | null> {
  try {
    const s = await stat(file);
    return `${s.size}:${s.mtimeMs}:${s.ino}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Stamps of many files, a bounded number at a time (thousands of report files at open). */
export async function stampsOf(files: readonly string[], concurrency = 64): Promise<(string | null)[]> {
  const out = new Array<string | null>(files.length).fill(null);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      out[i] = await stampOf(files[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  return out;
}
