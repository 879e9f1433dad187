import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir';
import { startTestApp } from '../helpers/test-app';
import { cli } from '../helpers/cli';
import { Store } from '../../src/main/store/repository';
import { makeNote } from '../helpers/make-report';
import { testCipher } from '../helpers/test-cipher';

const tempDir = useTempDirs();

describe('encryption at rest through the API and the CLI, which have no cipher', () => {
  it('app.status says it is unavailable and off, and store.setEncryption {on: true} is refused over both transports', async () => {
    const app = await startTestApp(await tempDir());
    for (const send of [app.http, app.ipc]) {
      expect(await send('app.status', {})).toMatchObject({ ok: true, value: { encryption: { available: false, on: false } } });
      expect(await send('store.setEncryption', { on: true })).toMatchObject({ ok: false, error: { code: 'not-available' } });
    }
    await app.close();
  });

  it('the CLI refuses an encrypted data folder with one clear line', async () => {
    const dir = await tempDir();
    const store = await Store.open(dir, { cipher: testCipher(), skipDailyBackup: true });
    await store.putNote(makeNote('Sealed note'));
    await store.setEncryption(true);
    await store.close();
    const result = await cli(['notes', 'list', '--data-dir', dir]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^liaison notes: This data folder is encrypted with the desktop app's protection .* on that account\.\n$/);
  });
});
