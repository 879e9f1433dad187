// Plain JavaScript so it runs as a worker under tsx, vitest and the built app alike.
import { parentPort } from 'node:worker_threads';
import { openPdf, takePage } from './pdf-text.mjs';

parentPort.on('message', async ({ id, bytes, next, total, maxHeapMb }) => {
  let document;
  try {
    // Opening costs time: none is spent when the import worker has already taken every page.
    if (Atomics.load(next, 0) < total) {
      document = await openPdf(bytes, maxHeapMb);
      for (let number = takePage(next); number <= total; number = takePage(next)) {
        parentPort.postMessage({ id, page: number, items: document.readPage(number) });
      }
    }
    parentPort.postMessage({ id, done: true });
  } catch (error) {
    parentPort.postMessage({ id, error: { name: error?.name ?? 'Error', message: String(error?.message ?? error) } });
  } finally {
    document?.close();
  }
});
