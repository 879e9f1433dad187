import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = join(import.meta.dirname, '..', '..');

/** The browser host the end-to-end tests start: src/main/serve.ts in one file, beside the built workers. */
export const HOST_BUNDLE = join(ROOT, 'out', 'main', 'serve-e2e.mjs');

/**
 * Bundles the browser host once per run. Started from source (tsx), each host spent most of its start
 * compiling: its own modules, then the import worker's (esbuild, on its main thread) before it could
 * answer — 20 s and more on a busy two-core machine, where a bundle beside out/main's built workers
 * starts in a third of the time and runs the workers as the desktop app does.
 */
export default function globalSetup(): void {
  for (const file of ['out/renderer/index.html', 'out/main/import-worker.js', 'out/main/backup-worker.js', 'out/main/pdf-worker.mjs']) {
    if (!existsSync(join(ROOT, file))) throw new Error(`${file} is missing: run \`npx electron-vite build\` before the end-to-end tests.`);
  }
  buildSync({
    entryPoints: [join(ROOT, 'src', 'main', 'serve.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages load from node_modules as they do for the built app; only the app's own modules are bundled.
    packages: 'external',
    outfile: HOST_BUNDLE,
    logLevel: 'warning',
  });
}
