import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, mkdtemp, readdir, readFile, rename, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAppCore } from '../src/main/app';
import { downloadInstead } from '../src/main/http/download';
import { searchSettled, warmSearch } from '../src/main/services/search';
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
 * Opens a generated store once as the app does and lets it build what it keeps beside the store (the report
 * heads, the search index and the text index, `cache/`), so every bench starts from a store that has been
 * opened before, as the officer's has. At 5,000 reports that is minutes of indexing, done once.
 */
async function prepare(dir: string): Promise<void> {
  const core = await openAppCore(dir, { transport: 'http', saveFile: downloadInstead }, { background: true, skipDailyBackup: true });
  await warmSearch(core.store);
  await core.store.ready;
  await searchSettled(core.store);
  await core.close();
}

/**
 * A generated store of this size, made and opened once and kept in the bench cache ($LIAISON_BENCH_CACHE,
 * else the temp folder); the 5,000-report store takes minutes to write and index. Treat it as read-only
 * (only the scale bench opens it in place, as the app would): see workingCopy.
 */
export async function cachedStore(size: GeneratedStoreSize): Promise<string> {
  const dir = join(CACHE, await cacheKey(size));
  if (existsSync(join(dir, 'cache', 'search-texts.idx'))) return dir;
  await mkdir(CACHE, { recursive: true });
  const partial = `${dir}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  const started = performance.now();
  await generateStore(partial, size);
  const generated = performance.now();
  await prepare(partial);
  process.stderr.write(
    `bench: made the ${size.reports}-report store in ${Math.round((generated - started) / 1000)} s and opened it once (caches built) in ${Math.round((performance.now() - generated) / 1000)} s\n`,
  );
  await rm(dir, { recursive: true, force: true });
  await rename(partial, dir);
  return dir;
}

/** A hard link (same inode, so the same stamp); a copy where the cache is on another file system. */
async function linkFile(from: string, to: string): Promise<void> {
  await link(from, to).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EXDEV') throw error;
    await copyFile(from, to);
  });
}

async function linkFolder(from: string, to: string): Promise<void> {
  if (!existsSync(from)) return;
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) if (entry.isFile()) await linkFile(join(from, entry.name), join(to, entry.name));
}

/**
 * A copy of the cached store a benchmark may change, made in a moment: the index, report, notes, cache and
 * backup files are hard links (the store never writes a file in place: every save renames a new file over
 * the old name, so the cached store keeps its own), and as links keep their stamps, the copy opens with
 * its report heads and search indexes as they are. Texts and sources are shared through a folder link.
 */
export async function workingCopy(size: GeneratedStoreSize): Promise<{ dir: string; remove: () => Promise<void> }> {
  const source = await cachedStore(size);
  const dir = await mkdtemp(join(tmpdir(), 'liaison-bench-copy-'));
  await linkFile(join(source, 'index.json'), join(dir, 'index.json'));
  for (const folder of ['reports', 'notes', 'cache', 'backups']) await linkFolder(join(source, folder), join(dir, folder));
  for (const folder of ['texts', 'sources']) await symlink(join(source, folder), join(dir, folder), 'dir');
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
