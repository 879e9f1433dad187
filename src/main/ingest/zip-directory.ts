import { constants, inflateRawSync } from 'node:zlib';
import { AppError } from '../../shared/api/result';
import { IMPORT_LIMITS, formatMegabytes } from './limits';

export interface ZipEntry {
  name: string;
  compressedSize: number;
  /** What the directory claims: a lying zip understates it, so it is never trusted for the limits. */
  uncompressedSize: number;
  method: number;
  localHeaderOffset: number;
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
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/**
 * Refuses archives that unpack to far more than any real report (zip bombs), counting the bytes each
 * entry really inflates to, never the sizes the directory declares (which a lying zip understates).
 * Each entry is inflated with a cap of what is left of the budget, so the check itself never holds
 * more than the limit.
 */
export function assertNotZipBomb(entries: ZipEntry[], fileName: string, bytes: Uint8Array): void {
  const limit = IMPORT_LIMITS.maxDocxUncompressedBytes;
  const maxRatio = IMPORT_LIMITS.maxDocxCompressionRatio;
  const broken = (): AppError => new AppError('unreadable', `${fileName} is a damaged or incomplete zip/Word file.`);
  const bomb = (unpacked: string, ratio: number): AppError =>
    new AppError(
      'too-large',
      `${fileName} looks like a zip bomb: it would unpack to ${unpacked} (${Math.round(ratio)}:1); ` +
        `the limits are ${formatMegabytes(limit)} and ${maxRatio}:1.`,
    );
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts = entries.map((entry) => {
    const at = entry.localHeaderOffset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) throw broken();
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    return { entry, data: bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize)) };
  });
  const compressed = Math.max(1, parts.reduce((sum, part) => sum + part.data.length, 0));
  // What the directory admits to is refused at once; what it hides is caught below, as it inflates.
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > limit || declared / compressed > maxRatio) throw bomb(formatMegabytes(declared), declared / compressed);
  // Never inflate past what either limit allows, so a lying entry costs at most that much.
  const cap = Math.min(limit, maxRatio * compressed);
  let inflated = 0;
  for (const { entry, data } of parts) {
    if (entry.method === STORED) inflated += data.length;
    else if (entry.method === DEFLATED) {
      try {
        inflated += inflateRawSync(data, { maxOutputLength: Math.max(1, cap - inflated + 1), finishFlush: constants.Z_SYNC_FLUSH }).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') inflated = cap + 1;
        else throw broken();
      }
    } else throw new AppError('unreadable', `${fileName} uses a zip compression method (${entry.method}) that Word documents never use.`);
    if (inflated > cap) throw bomb(`more than ${formatMegabytes(cap)}`, inflated / compressed);
  }
}
