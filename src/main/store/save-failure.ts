import { AppError } from '../../shared/api/result';

/** What a failed write's error code means for the officer. */
const DISK_PROBLEMS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EROFS: 'the data folder is on a read-only disk',
  EACCES: 'the app is not allowed to write to the data folder',
  EPERM: 'another program (antivirus or a sync client?) kept the file locked',
  EBUSY: 'another program kept the file busy',
  EDQUOT: 'the disk quota is used up',
};

export function saveFailure(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const why = DISK_PROBLEMS[code] ?? (error as Error).message;
  return new AppError('save-failed', `Your change was not saved: ${why}. Nothing else was changed.`);
}
