import { existsSync } from 'node:fs';
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
 * when running from source (tsx, vitest), from its TypeScript entry through boot.mjs.
 */
export function startWorker(name: WorkerName, resourceLimits?: ResourceLimits): Worker {
  const built = new URL(`./${name}.js`, import.meta.url);
  if (existsSync(fileURLToPath(built))) return new Worker(built, { resourceLimits });
  const entry = new URL(ENTRIES[name], import.meta.url);
  return new Worker(new URL('./boot.mjs', import.meta.url), { workerData: { entry: entry.href }, resourceLimits });
}
