import { mkdir, readdir, rename } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { RecoveryNotice } from '../../shared/api/app';
import { readArchive } from './archive';
import type { Cipher } from './cipher';
import type { StoreLayout } from './layout';

const BACKUP_NAME = /^backup-(\d{4}-\d{2}-\d{2})\.ldarchive$/;

/** Backups in the folder, newest first. */
export async function listBackups(layout: StoreLayout): Promise<string[]> {
  const names = await readdir(layout.backups).catch(() => [] as string[]);
  return names
    .filter((name) => BACKUP_NAME.test(name))
    .sort()
    .reverse()
    .map((name) => join(layout.backups, name));
}

/** Moves a damaged file into set-aside/ under a timestamped name; it is never deleted or overwritten. */
export async function setAside(layout: StoreLayout, file: string, now: Date): Promise<string> {
  await mkdir(layout.setAside, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = join(layout.setAside, `${relative(layout.dir, file).replace(/[\\/]/g, '__')}.${stamp}`);
  await rename(file, target);
  return target;
}

/**
 * Finds the newest backup holding a valid copy of one document. Backups that are themselves damaged
 * are skipped, so one bad backup does not stop recovery from an older good one.
 */
export async function findInBackups<T>(
  layout: StoreLayout,
  key: string,
  validate: (data: unknown) => T,
  cipher?: Cipher,
): Promise<{ data: T; backup: string } | null> {
  for (const backup of await listBackups(layout)) {
    try {
      for await (const record of readArchive(backup, cipher)) {
        if (record.key !== key) continue;
        return { data: validate(record.data), backup };
      }
    } catch {
      continue;
    }
  }
  return null;
}

export function describeRecovery(
  layout: StoreLayout,
  file: string,
  setAsideAs: string,
  problem: string,
  restoredFrom: string | null,
): RecoveryNotice {
  return {
    file: relative(layout.dir, file),
    setAsideAs: relative(layout.dir, setAsideAs),
    problem,
    restoredFrom: restoredFrom ? basename(restoredFrom) : null,
  };
}
