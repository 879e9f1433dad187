import { AppError } from '../../shared/api/result';
import { MAX_EVIDENCE_BYTES } from '../../shared/domain/evidence-limits';
import { assertNotZipBomb, listZipEntries } from '../ingest/zip-directory';
import { formatMegabytes } from '../ingest/limits';

type Kind = { label: string; mimeType: string; looksRight: (bytes: Uint8Array, name: string) => string | null };

const startsWith = (bytes: Uint8Array, ...signature: number[]): boolean => signature.every((b, i) => bytes[i] === b);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

function zipHolding(part: string, what: string) {
  return (bytes: Uint8Array, name: string): string | null => {
    if (!startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return `it is not ${what} (not a zip package)`;
    const entries = listZipEntries(bytes, name);
    assertNotZipBomb(entries, name, bytes);
    return entries.some((e) => e.name === part) ? null : `it is a zip file but not ${what}`;
  };
}

/** A saved email: RFC 5322 headers first (From, Date, Subject …), text only. */
function looksLikeEmail(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 64 * 1024)).toString('latin1');
  if (head.includes('\u0000')) return 'it is not a saved email (it holds binary data)';
  const headers = head.split(/\r?\n\r?\n/)[0] ?? '';
  const names = headers.split(/\r?\n/).flatMap((line) => /^([A-Za-z][A-Za-z0-9-]*):/.exec(line)?.[1]?.toLowerCase() ?? []);
  return names.some((n) => ['from', 'date', 'subject', 'received', 'message-id', 'to'].includes(n)) ? null : 'it is not a saved email (it does not start with mail headers such as From: and Subject:)';
}

const KINDS: Record<string, Kind> = {
  pdf: { label: 'PDF', mimeType: 'application/pdf', looksRight: (b) => (startsWith(b, ...ascii('%PDF-')) ? null : 'it is not a PDF (it does not start with %PDF-)') },
  docx: {
    label: 'Word document',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    looksRight: zipHolding('word/document.xml', 'a Word document'),
  },
  xlsx: {
    label: 'Excel workbook',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    looksRight: zipHolding('xl/workbook.xml', 'an Excel workbook'),
  },
  png: { label: 'PNG image', mimeType: 'image/png', looksRight: (b) => (startsWith(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) ? null : 'it is not a PNG image') },
  jpg: { label: 'JPEG image', mimeType: 'image/jpeg', looksRight: (b) => (startsWith(b, 0xff, 0xd8, 0xff) ? null : 'it is not a JPEG image') },
  gif: { label: 'GIF image', mimeType: 'image/gif', looksRight: (b) => (startsWith(b, ...ascii('GIF87a')) || startsWith(b, ...ascii('GIF89a')) ? null : 'it is not a GIF image') },
  msg: {
    label: 'Outlook message',
    mimeType: 'application/vnd.ms-outlook',
    looksRight: (b) => (startsWith(b, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1) ? null : 'it is not an Outlook message (.msg files are Outlook’s own format)'),
  },
  eml: { label: 'email', mimeType: 'message/rfc822', looksRight: looksLikeEmail },
};
KINDS.jpeg = KINDS.jpg!;

/** A file name safe to show and to open with: no folders, no control characters, at most 255 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\p{Cc}<>:"|?*]/gu, ' ').replace(/\s+/g, ' ').trim();
  if (clean.length <= 255) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 ? clean.slice(dot) : '';
  return `${clean.slice(0, 255 - ext.length)}${ext}`;
}

/**
 * Checks a file offered as evidence: one of the kinds evidence comes in (PDF, DOCX, XLSX, PNG, JPEG, GIF,
 * .msg, .eml), its content what its name says, not empty, within the size limit. Returns its clean name and
 * type, or throws an AppError naming the problem.
 */
export function checkEvidenceFile(fileName: string, bytes: Uint8Array): { name: string; mimeType: string } {
  const name = cleanFileName(fileName);
  if (!name) throw new AppError('invalid-input', 'The evidence file has no name.');
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const kind = KINDS[extension];
  if (!kind) {
    throw new AppError(
      'unsupported-format',
      `“${name}” cannot be attached: evidence can be a PDF, a Word document (.docx), an Excel workbook (.xlsx), an image (PNG, JPEG, GIF) or an email (.msg, .eml).`,
    );
  }
  if (bytes.length === 0) throw new AppError('invalid-input', `“${name}” is empty.`);
  if (bytes.length > MAX_EVIDENCE_BYTES) {
    throw new AppError('too-large', `“${name}” is ${formatMegabytes(bytes.length)}; an evidence file can be at most ${formatMegabytes(MAX_EVIDENCE_BYTES)}.`);
  }
  const problem = kind.looksRight(bytes, name);
  if (problem) throw new AppError('unsupported-format', `“${name}” cannot be attached: ${problem}.`);
  return { name, mimeType: kind.mimeType };
}
