import { AppError } from '../../shared/api/result';
import type { DocumentText } from './document-text';
import { decodeText } from './decode-text';
import { htmlToText } from './html-to-text';
import { IMPORT_LIMITS, formatMegabytes } from './limits';
import { readDocx } from './read-docx';
import { readPdf } from './read-pdf';
import { sniffFormat } from './sniff-format';

/** Reads any supported inspection document to text; throws AppError ('too-large', 'unreadable', 'unsupported-format'). */
export async function readDocument(
  fileName: string,
  bytes: Uint8Array,
  onProgress?: (done: number, total: number) => void,
): Promise<DocumentText> {
  if (bytes.length === 0) throw new AppError('unreadable', `${fileName} cannot be imported: the file is empty.`);
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) {
    throw new AppError(
      'too-large',
      `${fileName} is ${formatMegabytes(bytes.length)}; files over ${formatMegabytes(IMPORT_LIMITS.maxFileBytes)} cannot be imported.`,
    );
  }
  const format = sniffFormat(fileName, bytes);
  switch (format) {
    case 'pdf':
      return readPdf(fileName, bytes, onProgress);
    case 'docx':
      return readDocx(fileName, bytes);
    case 'html': {
      const { text, blocks } = htmlToText(decodeText(bytes, fileName));
      return nonEmpty({ format, text, pages: [], blocks }, fileName);
    }
    case 'markdown':
    case 'text':
      return nonEmpty({ format, text: decodeText(bytes, fileName), pages: [] }, fileName);
  }
}

function nonEmpty(document: DocumentText, fileName: string): DocumentText {
  if (!document.text.trim()) throw new AppError('unreadable', `${fileName} has no text to import.`);
  return document;
}
