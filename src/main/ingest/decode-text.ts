import { AppError } from '../../shared/api/result';
import { IMPORT_LIMITS } from './limits';

/** The encoding a byte-order mark announces: what Windows Notepad saves as "Unicode" (UTF-16 LE) or "Unicode big endian". */
export function bomEncoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * Decodes a text file: UTF-16 (LE or BE) when it starts with that byte-order mark, otherwise UTF-8,
 * falling back to Windows-1252 (older Word and email exports) rather than failing.
 */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  const utf16 = bomEncoding(bytes);
  if (utf16) return decodeUtf16(bytes, utf16, fileName);
  refuseBinary(bytes, fileName);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = decodeWindows1252(bytes);
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', fileName: string): string {
  if (bytes.length % 2 !== 0) throw new AppError('unreadable', `${fileName} is a damaged UTF-16 text file (it has an odd number of bytes).`);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('unreadable', `${fileName} is a damaged UTF-16 text file (it holds an invalid character).`);
  }
  // The same test for binary data as for other text, on the decoded characters.
  const sample = text.slice(0, 32 * 1024);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) throw new AppError('unreadable', `${fileName} is not a text document (it contains binary data).`);
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) control += 1;
  }
  if (sample.length > 0 && control / sample.length > IMPORT_LIMITS.maxControlCharRatio) {
    throw new AppError('unreadable', `${fileName} is not a text document (it contains binary data).`);
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function refuseBinary(bytes: Uint8Array, fileName: string): void {
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) throw new AppError('unreadable', `${fileName} is not a text document (it contains binary data).`);
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12) control += 1;
  }
  if (sample.length > 0 && control / sample.length > IMPORT_LIMITS.maxControlCharRatio) {
    throw new AppError('unreadable', `${fileName} is not a text document (it contains binary data).`);
  }
}

/** Windows-1252's 0x80–0x9F block (curly quotes, dashes, €); Node's decoder treats that block as Latin-1 controls. */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    text += String.fromCharCode(...chunk).replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
  }
  return text;
}
