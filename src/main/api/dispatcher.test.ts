import { describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openAppCore } from '../app';
import { downloadInstead } from '../http/download';
import { useTempDirs } from '../../../tests/helpers/temp-dir';

const tempDir = useTempDirs();

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name !== 'store.lock') {
      const path = join(entry.parentPath, entry.name);
      files[path] = await readFile(path, 'utf8');
    }
  }
  return files;
}

describe('dispatcher', () => {
  it('answers an unknown call with unknown-call', async () => {
    const core = await openAppCore(await tempDir(), { transport: 'http', saveFile: downloadInstead }, { skipDailyBackup: true });
    expect(await core.dispatch('reports.explode', {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    expect(await core.dispatch(42, {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    expect(await core.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    await core.close();
  });

  it('refuses a bad payload with invalid-input naming the field, and writes nothing', async () => {
    const dir = await tempDir();
    const core = await openAppCore(dir, { transport: 'http', saveFile: downloadInstead }, { skipDailyBackup: true });
    const before = await snapshot(dir);
    const bad = [
      ['settings.update', { boardName: 42 }],
      ['settings.update', 'not an object'],
      ['reports.import', { fileName: 'x.txt' }],
      ['reports.import', { fileName: '', dataBase64: 'aGVsbG8=' }],
      ['reports.get', { id: '../../etc/passwd' }],
      ['reports.delete', null],
    ] as const;
    for (const [name, input] of bad) {
      const result = await core.dispatch(name, input);
      expect(result, name).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    const boardError = await core.dispatch('settings.update', { boardName: 42 });
    expect(!boardError.ok && boardError.error.message).toMatch(/boardName/);
    expect(await snapshot(dir)).toEqual(before);
    await core.close();
  });

  it('turns a thrown AppError into its code and message', async () => {
    const core = await openAppCore(await tempDir(), { transport: 'http', saveFile: downloadInstead }, { skipDailyBackup: true });
    expect(await core.dispatch('reports.get', { id: 'no-such-report' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no report with id no-such-report; it may have been deleted.' },
    });
    await core.close();
  });
});
