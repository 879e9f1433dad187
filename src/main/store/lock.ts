import { open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { AppError } from '../../shared/api/result';

interface LockOwner {
  pid: number;
  host: string;
  at: string;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Makes sure only one process writes a store. The lock file names its owner; a lock left by a process
 * that no longer runs (a crash) is taken over.
 */
export async function acquireStoreLock(file: string): Promise<() => Promise<void>> {
  const me: LockOwner = { pid: process.pid, host: hostname(), at: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(JSON.stringify(me));
      await handle.close();
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = await readOwner(file);
      if (owner && owner.host === me.host && owner.pid !== me.pid && isRunning(owner.pid)) {
        throw new AppError(
          'forbidden',
          `The data folder is already open in another Liaison Desk process (pid ${owner.pid}). Close it first.`,
        );
      }
      await rm(file, { force: true });
    }
  }
  throw new AppError('internal', `Could not take the lock on ${file}.`);
}

async function readOwner(file: string): Promise<LockOwner | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}
