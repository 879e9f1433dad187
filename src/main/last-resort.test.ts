import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorLogFile } from './last-resort';
import { Store } from './store/repository';
import { useTempDirs } from '../../tests/helpers/temp-dir';

const tempDir = useTempDirs();
const CHILD = join(import.meta.dirname, '../../tests/helpers/last-resort-child.ts');
const run = (dir: string, mode: string) => spawnSync(process.execPath, ['--import', 'tsx', CHILD, dir, mode], { encoding: 'utf8', timeout: 60_000 });

describe('the last-resort handler', () => {
  it('in the browser host (and the desktop app): logs the error, tells the officer, keeps serving and keeps the store', async () => {
    const dir = await tempDir();
    const child = run(dir, 'serve');
    expect(child.status).toBe(0);
    expect(child.stderr).toContain('told: Liaison Desk met an unexpected error (Invalid string length). Your stored data is safe: nothing saved was changed or lost. You can carry on');
    expect(child.stderr).toContain('told: Liaison Desk met an unexpected error (a rejection nobody awaited)');
    // Still answering after both.
    expect(JSON.parse(child.stdout.trim())).toMatchObject({ ok: true, value: { boardName: 'Gold Group' } });
    const log = readFileSync(errorLogFile(dir), 'utf8');
    expect(log).toMatch(/RangeError: Invalid string length/);
    const store = await Store.open(dir, { skipDailyBackup: true });
    expect(store.index.settings.boardName).toBe('Gold Group');
    expect(store.recovered).toEqual([]);
    await store.close();
  }, 90_000);

  it('in the CLI: logs, tells, stops with exit code 1, and the next open takes the store over whole', async () => {
    const dir = await tempDir();
    const child = run(dir, 'cli');
    expect(child.status).toBe(1);
    expect(child.stderr).toContain('The command stopped; run it again.');
    expect(existsSync(errorLogFile(dir))).toBe(true);
    const store = await Store.open(dir, { skipDailyBackup: true });
    expect(store.index.settings.boardName).toBe('Gold Group');
    await store.close();
  }, 90_000);
});
