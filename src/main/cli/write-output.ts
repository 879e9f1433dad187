import { extname, resolve } from 'node:path';
import { AppError } from '../../shared/api/result';
import { atomicWrite } from '../store/atomic-write';

/** Writes a command's output file whole or not at all; returns the absolute path written. */
export async function writeOutput(out: unknown, extension: string, bytes: Uint8Array): Promise<string> {
  if (typeof out !== 'string' || out.trim() === '') throw new AppError('invalid-input', `say where to write the file: --out <file${extension}>`);
  if (extname(out).toLowerCase() !== extension) throw new AppError('invalid-input', `the output file must end in ${extension}: ${out}`);
  const file = resolve(out);
  await atomicWrite(file, bytes).catch((error: NodeJS.ErrnoException) => {
    const why = error.code === 'ENOENT' ? 'the folder does not exist' : error.code === 'EACCES' || error.code === 'EPERM' ? 'permission denied' : error.message;
    throw new AppError('save-failed', `Cannot write ${file}: ${why}`);
  });
  return file;
}
