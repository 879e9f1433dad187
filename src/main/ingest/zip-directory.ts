import { AppError } from '../../shared/api/result';
import { IMPORT_LIMITS, formatMegabytes } from './limits';

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

/** Reads a zip's central directory without inflating anything, so sizes can be checked before a library unpacks it. */
export function listZipEntries(bytes: Uint8Array, fileName: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const broken = (): AppError => new AppError('unreadable', `${fileName} is a damaged or incomplete zip/Word file.`);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= lowest; i -= 1) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw broken();
  const count = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) {
    throw new AppError('unreadable', `${fileName} is a ZIP64 archive, which a Word document never needs.`);
  }
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  const names = new TextDecoder('utf-8');
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) throw broken();
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) throw broken();
    entries.push({
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Refuses archives that would inflate to far more than any real report (zip bombs). */
export function assertNotZipBomb(entries: ZipEntry[], fileName: string): void {
  let compressed = 0;
  let uncompressed = 0;
  for (const entry of entries) {
    compressed += entry.compressedSize;
    uncompressed += entry.uncompressedSize;
  }
  const ratio = uncompressed / Math.max(1, compressed);
  if (uncompressed > IMPORT_LIMITS.maxDocxUncompressedBytes || ratio > IMPORT_LIMITS.maxDocxCompressionRatio) {
    throw new AppError(
      'too-large',
      `${fileName} looks like a zip bomb: it would unpack to ${formatMegabytes(uncompressed)} ` +
        `(${Math.round(ratio)}:1); the limits are ${formatMegabytes(IMPORT_LIMITS.maxDocxUncompressedBytes)} and ${IMPORT_LIMITS.maxDocxCompressionRatio}:1.`,
    );
  }
}
