import { mkdir, readdir, rename } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { RecoveryNotice } from '../../shared/api/app';
import { readArchive } from './archive';
import type { Cipher } from './cipher';
import type { StoreLayout } from './layout';

/** backup-YYYY-MM-DD.ldarchive, or backup-YYYY-MM-DD-HHMMSS.ldarchive when a day's backup had to be kept. */
export const BACKUP_NAME = /^backup-(\d{4}-\d{2}-\d{2})(-\d{6})?\.ldarchive$/;

/** A clock a few minutes fast on the machine that wrote a backup is not "the future". */
const FUTURE_TOLERANCE_MS = 10 * 60 * 1000;

export interface BackupFile {
  file: string;
  /** When the backup says it was written (its header), or null when the header cannot be read. */
  createdAt: Date | null;
  /** Written later than `now`: a clock that was set forward. Never preferred. */
  future: boolean;
}

/** The time a backup records inside itself; null if it cannot be read (damaged, or sealed with another key). */
async function createdAtOf(file: string, cipher?: Cipher): Promise<Date | null> {
  try {
    for await (const record of readArchive(file, cipher)) {
      const at = new Date((record.data as { createdAt?: string }).createdAt ?? '');
      return Number.isNaN(at.getTime()) ? null : at;
    }
  } catch {
    return null;
  }
  return null;
}

/**
 * Backups in the folder, best first: ordered by the time recorded inside each (not the file name, which
 * a clock set wrong once would make "newest" for ever), those from the future after every other, and
 * those whose header cannot be read last.
 */
export async function listBackups(layout: StoreLayout, cipher?: Cipher, now: Date = new Date()): Promise<BackupFile[]> {
  const names = (await readdir(layout.backups).catch(() => [] as string[])).filter((name) => BACKUP_NAME.test(name));
  const files = await Promise.all(
    names.map(async (name): Promise<BackupFile> => {
      const file = join(layout.backups, name);
      const createdAt = await createdAtOf(file, cipher);
      return { file, createdAt, future: createdAt !== null && createdAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS };
    }),
  );
  const rank = (b: BackupFile) => (b.createdAt === null ? 2 : b.future ? 1 : 0);
  return files.sort((a, b) => rank(a) - rank(b) || (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0) || b.file.localeCompare(a.file));
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
  now: Date = new Date(),
): Promise<{ data: T; backup: string } | null> {
  for (const { file: backup } of await listBackups(layout, cipher, now)) {
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
