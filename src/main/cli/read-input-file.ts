import { constants, promises as fs } from 'node:fs';
import { AppError } from '../../shared/api/result';

/** What a path is, for the refusal message. */
function kindOf(stat: { isDirectory(): boolean; isSymbolicLink(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (stat.isSymbolicLink()) return 'a symbolic link';
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** Refuses a path that is not a regular file (see readInputFile), without reading it. */
export async function checkInputPath(file: string): Promise<import('node:fs').Stats> {
  let link;
  try {
    link = await fs.lstat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppError('not-found', `Cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message}`);
  }
  if (!link.isFile()) {
    const why = link.isSymbolicLink() ? '; give the path of the file it points to instead' : '';
    throw new AppError('invalid-input', `Cannot read ${file}: it is ${kindOf(link)}, not a regular file${why}.`);
  }
  return link;
}

/**
 * Reads a file named on the command line, refusing anything that is not a regular file: a symbolic
 * link (it could lead anywhere — give the file it points to), a folder, a pipe or a device (a read
 * that may never end). The file is opened without following links and checked through the open
 * handle, so it cannot be swapped for a link between the check and the read. `maxBytes` is checked
 * before anything is read.
 */
export async function readInputFile(file: string, maxBytes: number): Promise<Buffer> {
  const link = await checkInputPath(file);
  // O_NOFOLLOW: if the path became a link since the check, the open fails instead of following it. (Windows has no such flag; there lstat above is the check.)
  const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
  let handle;
  try {
    handle = await fs.open(file, flags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new AppError('invalid-input', `Cannot read ${file}: it is a symbolic link, not a regular file; give the path of the file it points to instead.`);
    throw new AppError('not-found', `Cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.ino !== link.ino) throw new AppError('invalid-input', `Cannot read ${file}: it changed while it was being opened; try again.`);
    if (stat.size > maxBytes) {
      throw new AppError('too-large', `${file} is ${Math.round(stat.size / 1048576)} MB; files over ${Math.round(maxBytes / 1048576)} MB cannot be read.`);
    }
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
