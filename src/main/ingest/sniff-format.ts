import { AppError } from '../../shared/api/result';
import type { SourceFormat } from '../../shared/domain/extraction';
import { listZipEntries } from './zip-directory';
import { bomEncoding } from './decode-text';

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0): boolean =>
  signature.every((b, i) => bytes[offset + i] === b);

/** Decides the format from the bytes first and the file name second, since names are often wrong. */
export function sniffFormat(fileName: string, bytes: Uint8Array): SourceFormat {
  const head = bytes.subarray(0, 1024);
  if (findAscii(head, '%PDF-') >= 0) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const names = listZipEntries(bytes, fileName).map((entry) => entry.name);
    if (names.includes('word/document.xml')) return 'docx';
    throw new AppError('unsupported-format', `${fileName} is a zip archive but not a Word document (.docx).`);
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new AppError('unsupported-format', `${fileName} is an old Word 97–2003 file; save it as .docx and import that.`);
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || startsWith(bytes, [0x47, 0x49, 0x46])) {
    throw new AppError('unsupported-format', `${fileName} is an image; import the report's PDF, web page, Word or text file instead.`);
  }
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (extension === 'pdf') throw new AppError('unreadable', `${fileName} is named .pdf but is not a PDF file.`);
  if (extension === 'docx') throw new AppError('unreadable', `${fileName} is named .docx but is not a Word document.`);
  // A UTF-16 file (a byte-order mark) is sniffed on its characters, not its bytes, which hold a zero between letters.
  const utf16 = bomEncoding(bytes);
  const start = (utf16 ? new TextDecoder(utf16).decode(bytes.subarray(0, 2048)) : new TextDecoder('latin1').decode(head))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (/^(<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<html)/.test(start) || /<(html|body|h1|h2|p|div|table)[\s>]/.test(start.slice(0, 512)) && (extension === 'html' || extension === 'htm' || /<\/(p|div|h\d|li|td)>/.test(start))) {
    return 'html';
  }
  if (extension === 'html' || extension === 'htm') return 'html';
  if (extension === 'md' || extension === 'markdown') return 'markdown';
  return 'text';
}

function findAscii(bytes: Uint8Array, needle: string): number {
  const codes = [...needle].map((c) => c.charCodeAt(0));
  outer: for (let i = 0; i + codes.length <= bytes.length; i += 1) {
    for (let j = 0; j < codes.length; j += 1) if (bytes[i + j] !== codes[j]) continue outer;
    return i;
  }
  return -1;
}
