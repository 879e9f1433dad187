import mammoth from 'mammoth';
import { AppError } from '../../shared/api/result';
import type { DocumentText } from './document-text';
import { htmlToText } from './html-to-text';
import { assertNotZipBomb, listZipEntries } from './zip-directory';

/** Converts through HTML so Word headings, lists and tables keep their structure for the extractor. */
export async function readDocx(fileName: string, bytes: Uint8Array): Promise<DocumentText> {
  assertNotZipBomb(listZipEntries(bytes, fileName), fileName, bytes);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { externalFileAccess: false, convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    html = result.value;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('unreadable', `${fileName} is a damaged Word document (${reason}).`);
  }
  const { text, blocks } = htmlToText(html);
  return { format: 'docx', text, pages: [], blocks };
}
