import type { SaveOutcome } from '../../shared/api/files';

/** Over the browser host nothing is written by main: the page downloads the bytes itself. */
export async function downloadInstead(fileName: string, mimeType: string, bytes: Uint8Array): Promise<SaveOutcome> {
  return { status: 'download', fileName, mimeType, dataBase64: Buffer.from(bytes).toString('base64') };
}
