import { AppError } from '../../shared/api/result';

/** What a failed file operation's error code means for the officer. Every reason the README lists is here. */
export const DISK_PROBLEMS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the data folder is on a read-only disk',
  EACCES: 'the app is not allowed to write to the data folder',
  EPERM: 'another program (antivirus or a sync client?) kept the file locked',
  EBUSY: 'another program kept the file busy',
  EIO: 'the disk reported a read or write error (it may be failing, or a removable disk was unplugged)',
  EMFILE: 'too many files are open on this computer',
  ENFILE: 'too many files are open on this computer',
  ENOENT: 'the data folder was moved or deleted while the app was running',
  EXDEV: 'the data folder spans two disks',
};

const reasonOf = (error: unknown): string | null => DISK_PROBLEMS[(error as NodeJS.ErrnoException)?.code ?? ''] ?? null;

/** A save that did not reach the disk: always one of the documented sentences, never a raw system message. */
export function saveFailure(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const why = reasonOf(error) ?? `the disk or the operating system refused the write (${describeUnknown(error)})`;
  return new AppError('save-failed', `Your change was not saved: ${why}. Nothing else was changed.`);
}

/** A data folder that could not be opened because of the disk (full, read-only, …): the lock and every handle are already cleaned up. */
export function openFailure(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const why = reasonOf(error);
  if (!why) return new AppError('unreadable', `Liaison Desk could not open the data folder: ${describeUnknown(error)}. Nothing was changed.`);
  const code = (error as NodeJS.ErrnoException).code;
  const fix = code === 'ENOSPC' || code === 'EDQUOT' ? 'free some space' : 'put that right';
  return new AppError('save-failed', `Liaison Desk could not open the data folder: ${why}. Nothing was changed; ${fix} and start again.`);
}

function describeUnknown(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code) return `error ${code}`;
  return error instanceof Error ? error.message : String(error);
}
