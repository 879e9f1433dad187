import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { storeCalls } from '../../../shared/api/store';
import type { HandlersFor } from '../handler-types';
import { checkRestorable, restoreArchive } from '../../store/restore';

/** Runs `work` with a private temp folder that is removed afterwards, whatever happens. */
async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'liaison-archive-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const storeHandlers: HandlersFor<typeof storeCalls> = {
  'store.exportArchive': async ({ unencrypted }, ctx) =>
    withTempDir(async (dir) => {
      const file = join(dir, 'export.ldarchive');
      await ctx.store.exportArchive(file, { unencrypted });
      const date = new Date().toISOString().slice(0, 10);
      return ctx.saveFile(`liaison-desk-${date}.ldarchive`, 'application/gzip', await readFile(file));
    }),
  'store.restoreArchive': async ({ dataBase64 }, ctx) =>
    withTempDir(async (dir) => {
      const file = join(dir, 'restore.ldarchive');
      await writeFile(file, Buffer.from(dataBase64, 'base64'));
      const cipher = ctx.store.cipher;
      // Checked while the store is still open, so a bad archive does not even interrupt the session.
      await checkRestorable(file, cipher);
      return ctx.reopenStore((dataDir, lock) => restoreArchive(dataDir, file, new Date(), cipher, lock));
    }),
  'store.setEncryption': async ({ on }, { store }) => {
    await store.setEncryption(on);
    return { on: store.encryption.on };
  },
};
