import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const ROOT = join(import.meta.dirname, '..', '..');
// Inside node_modules so the bundle's bare imports (@embedpdf/pdfium and its .wasm) resolve as they do from out/.
const OUT = join(ROOT, 'node_modules', '.cache', `liaison-build-check-${process.pid}`);

interface Reply {
  page?: number;
  items?: { str: string }[];
  done?: boolean;
  error?: { message: string };
}

/**
 * The PDF reader starts its page worker by a path relative to its own module, which in the built app is
 * out/main/import-worker.js (imports are read in that worker); index.js starts the import and backup
 * workers by their names beside it (src/main/workers/spawn.ts).
 */
describe('the built main bundle', () => {
  it('ships the PDF worker where the bundle looks for it, and the worker reads a PDF; the import worker reads and extracts a report', async () => {
    execFileSync('npx', ['electron-vite', 'build', '--outDir', OUT, '--logLevel', 'error'], { cwd: ROOT, stdio: 'pipe' });
    try {
      const index = await readFile(join(OUT, 'main', 'index.js'), 'utf8');
      expect(index).not.toMatch(/from ["'](@embedpdf\/pdfium|mammoth)["']/);
      for (const name of ['import-worker', 'backup-worker']) expect(existsSync(join(OUT, 'main', `${name}.js`)), name).toBe(true);
      const importer = new Worker(join(OUT, 'main', 'import-worker.js'));
      const extraction = await new Promise<{ force: string | null; findings: unknown[] }>((resolve, reject) => {
        importer.on('error', reject);
        importer.on('message', (reply: { id: number; result?: { extraction: { force: string | null; findings: unknown[] } }; error?: { message: string } }) => {
          if (reply.id !== 7) return;
          if (reply.error) reject(new Error(reply.error.message));
          else if (reply.result) resolve(reply.result.extraction);
        });
        void readFile(join(ROOT, 'tests', 'fixtures', 'peel-2016-legitimacy-report.pdf')).then((bytes) =>
          importer.postMessage({ id: 7, fileName: 'peel-2016.pdf', bytes: new Uint8Array(bytes) }),
        );
      });
      await importer.terminate();
      expect(extraction.force).toBe('Cambridgeshire Constabulary');
      expect(extraction.findings.length).toBeGreaterThan(0);

      const bundle = join(OUT, 'main', 'import-worker.js');
      const source = await readFile(bundle, 'utf8');
      const match = /new Worker\(new URL\(["']([^"']+)["'],\s*import\.meta\.url\)/.exec(source);
      expect(match?.[1]).toBe('./pdf-worker.mjs');
      const workerUrl = new URL(match![1]!, pathToFileURL(bundle));
      expect(existsSync(workerUrl)).toBe(true);

      const bytes = new Uint8Array(await readFile(join(ROOT, 'tests', 'fixtures', 'peel-2016-legitimacy-report.pdf')));
      const worker = new Worker(workerUrl);
      const pages: Record<number, string> = {};
      await new Promise<void>((resolve, reject) => {
        worker.on('error', reject);
        worker.on('message', (reply: Reply) => {
          if (reply.error) reject(new Error(reply.error.message));
          else if (reply.done) resolve();
          else if (reply.page) pages[reply.page] = (reply.items ?? []).map((i) => i.str).join(' ');
        });
        // The page counter it shares with the import worker, at page 1 of a document said to have one page.
        worker.postMessage({ id: 1, bytes, next: new Int32Array(new SharedArrayBuffer(4)), total: 1, maxHeapMb: 1024 });
      });
      await worker.terminate();
      // The first page of the report, as LibreOffice laid it out from the web report's text.
      expect(pages[1]).toContain('Cambridgeshire');
      expect(pages[1]).toContain('Legitimacy');
    } finally {
      await rm(OUT, { recursive: true, force: true });
    }
  }, 60_000);
});
