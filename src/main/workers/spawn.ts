import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** The workers the main process starts, by name: the entry module in src/main and the bundle beside the built index.js. */
const ENTRIES = {
  'import-worker': '../ingest/import-worker.ts',
  'backup-worker': '../store/backup-worker.ts',
} as const;
export type WorkerName = keyof typeof ENTRIES;

/**
 * Starts a worker thread from its bundle (out/main/<name>.js, built by electron.vite.config.ts) or,
 * when running from source (the CLI, `npm run serve`, the tests), from a bundle of its TypeScript
 * entry made once per process with esbuild (what tsx itself uses): compiling a hundred TypeScript
 * modules inside every new worker would make the first import wait many seconds.
 */
export function startWorker(name: WorkerName, resourceLimits?: ResourceLimits): Worker {
  const built = new URL(`./${name}.js`, import.meta.url);
  if (existsSync(fileURLToPath(built))) return new Worker(built, { resourceLimits });
  return new Worker(sourceBundle(name), { resourceLimits });
}

const bundled = new Map<WorkerName, string>();

function sourceBundle(name: WorkerName): string {
  const done = bundled.get(name);
  if (done && existsSync(done)) return done;
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  // Inside node_modules, so the bundle's package imports resolve as they do from src/; one folder per process, removed at exit.
  const dir = join(root, 'node_modules', '.cache', 'liaison-workers', String(process.pid));
  if (!bundled.size) process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `${name}.mjs`);
  // Loaded only here, from source: the built app never reaches this line, and its bundler must not follow it.
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  esbuild.buildSync({
    entryPoints: [fileURLToPath(new URL(ENTRIES[name], import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'silent',
  });
  // The PDF reader starts its page worker beside its own module, as in the built app; the worker imports pdf-text.mjs beside it.
  for (const file of ['pdf-worker.mjs', 'pdf-text.mjs']) copyFileSync(fileURLToPath(new URL(`../ingest/${file}`, import.meta.url)), join(dir, file));
  bundled.set(name, outfile);
  return outfile;
}
