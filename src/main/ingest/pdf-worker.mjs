// Plain JavaScript so it runs as a worker under tsx, vitest and the built app alike.
import { parentPort } from 'node:worker_threads';
import { getDocumentProxy } from 'unpdf';

parentPort.on('message', async ({ id, bytes, pages }) => {
  let document;
  try {
    // The same options as PDF_OPTIONS in read-pdf.ts (a worker in plain JavaScript cannot import it).
    document = await getDocumentProxy(bytes, { verbosity: 0, disableFontFace: true, isEvalSupported: false });
    for (const number of pages) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const items = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        items.push({
          str: item.str,
          x: item.transform[4],
          y: item.transform[5],
          width: item.width,
          size: Math.hypot(item.transform[2], item.transform[3]) || item.height,
          eol: item.hasEOL,
        });
      }
      page.cleanup();
      parentPort.postMessage({ id, page: number, items });
    }
    parentPort.postMessage({ id, done: true });
  } catch (error) {
    parentPort.postMessage({ id, error: { name: error?.name ?? 'Error', message: String(error?.message ?? error) } });
  } finally {
    await document?.destroy();
  }
});
