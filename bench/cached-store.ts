import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rename, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateStore, type GeneratedStoreSize } from './generate-store';

/** A store of `reports` reports at generate-store.ts's ratios: per report 20 findings, 20 annotations and 100 notes. */
export const storeOf = (reports: number): GeneratedStoreSize => ({ reports, findings: reports * 20, annotations: reports * 20, notes: reports * 100 });

const CACHE = process.env.LIAISON_BENCH_CACHE ?? join(tmpdir(), 'liaison-bench-cache');

/** Named by the size and by the generator's and the schema's source, so a change to either makes a new store. */
async function cacheKey(size: GeneratedStoreSize): Promise<string> {
  const hash = createHash('sha256');
  for (const file of ['generate-store.ts', '../src/main/store/schema.ts']) hash.update(await readFile(join(import.meta.dirname, file)));
  return `${size.reports}r-${size.findings}f-${size.notes}n-${size.annotations}a-${hash.digest('hex').slice(0, 12)}`;
}

/**
 * A generated store of this size, made once and kept in the bench cache ($LIAISON_BENCH_CACHE, else the
 * temp folder); the 5,000-report store takes minutes to write. Treat it as read-only: see workingCopy.
 */
export async function cachedStore(size: GeneratedStoreSize): Promise<string> {
  const dir = join(CACHE, await cacheKey(size));
  if (existsSync(join(dir, 'index.json'))) return dir;
  await mkdir(CACHE, { recursive: true });
  const partial = `${dir}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  await generateStore(partial, size);
  await rename(partial, dir);
  return dir;
}

/**
 * A copy of the cached store a benchmark may change: the index, reports and notes are copied; the texts
 * and sources (most of the bytes, never written after import) are shared through links.
 */
export async function workingCopy(size: GeneratedStoreSize): Promise<{ dir: string; remove: () => Promise<void> }> {
  const source = await cachedStore(size);
  const dir = await mkdtemp(join(tmpdir(), 'liaison-bench-copy-'));
  await cp(join(source, 'index.json'), join(dir, 'index.json'));
  for (const folder of ['reports', 'notes']) await cp(join(source, folder), join(dir, folder), { recursive: true });
  for (const folder of ['texts', 'sources']) await symlink(join(source, folder), join(dir, folder), 'dir');
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
