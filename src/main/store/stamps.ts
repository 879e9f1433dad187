import { statSync, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';

/**
 * What a file looked like on disk: its size, modification time and inode. Every save replaces a file
 * by renaming a new one over it, so any change, ours or anyone's, gives a different stamp. Derived
 * files (the report heads, the search index) record the stamps of what they were made from and are
 * trusted only where those still match.
 */
export async function stampOf(file: string): Promise<string | null> {
  try {
    return stampOfStats(await stat(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

const stampOfStats = (s: Stats): string => `${s.size}:${s.mtimeMs}:${s.ino}`;

/**
 * Stamps of many files (thousands of report files at open), one after another without leaving the thread: a
 * stat of a file the system has just listed answers in microseconds, where a promise for each through the
 * thread pool costs ten times that and holds up the first screen.
 */
export function stampsOfSync(files: readonly string[]): (string | null)[] {
  return files.map((file) => {
    const s = statSync(file, { throwIfNoEntry: false });
    return s ? stampOfStats(s) : null;
  });
}
