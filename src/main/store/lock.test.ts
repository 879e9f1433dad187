import { describe, expect, it, vi } from 'vitest';
import { promises as fs } from 'node:fs';
import { existsSync } from 'node:fs';
import { readdir, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { acquireStoreLock, type LockFs } from './lock';
import { processStartTime } from './process-identity';
import { Store } from './repository';
import { openAppCore } from '../app';
import { downloadInstead } from '../http/download';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { makeReportDoc } from '../../../tests/helpers/make-report';

const tempDir = useTempDirs();
const owner = (fields: Record<string, unknown>) => JSON.stringify({ host: hostname(), at: '', nonce: 'x', ...fields });

describe('the store lock', () => {
  it('of 20 attempts racing for one folder, exactly one holds it; the others are refused, none takes it over', async () => {
    const dir = await tempDir();
    const file = join(dir, 'store.lock');
    // Slow the owner's write down, as a busy disk does: the old lock was readable empty during this moment.
    const slow: LockFs = {
      ...fs,
      open: (async (path: string, flags: string) => {
        const handle = await fs.open(path, flags);
        const writeFile = handle.writeFile.bind(handle);
        return Object.assign(handle, {
          writeFile: async (data: string) => {
            await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
            return writeFile(data);
          },
        });
      }) as LockFs['open'],
    };
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => acquireStoreLock(file, slow)));
    const held = outcomes.filter((o) => o.status === 'fulfilled');
    expect(held).toHaveLength(1);
    for (const o of outcomes) if (o.status === 'rejected') expect((o.reason as Error).message).toMatch(/already open in another Liaison Desk process/);
    await (held[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof acquireStoreLock>>>).value.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('never leaves a lock file half written: it is linked into place complete', async () => {
    const dir = await tempDir();
    const file = join(dir, 'store.lock');
    const link = vi.fn(fs.link);
    const lock = await acquireStoreLock(file, { ...fs, link: link as LockFs['link'] });
    expect(link).toHaveBeenCalledOnce();
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname(), started: processStartTime(process.pid) });
    await lock.release();
  });

  it('treats an unreadable lock written a moment ago as held (its owner is writing it), and an old one as left by a crash', async () => {
    const dir = await tempDir();
    const file = join(dir, 'store.lock');
    await writeFile(file, '');
    await expect(acquireStoreLock(file)).rejects.toThrow(/another process keeps taking it/);
    const old = new Date(Date.now() - 60_000);
    await utimes(file, old, old);
    const lock = await acquireStoreLock(file);
    expect(JSON.parse(await fs.readFile(file, 'utf8')).pid).toBe(process.pid);
    await lock.release();
  }, 15_000);

  it('never takes over a lock held from another computer, and says what to do', async () => {
    const dir = await tempDir();
    const file = join(dir, 'store.lock');
    await writeFile(file, owner({ pid: 4242, host: 'CORP-LAPTOP-17' }));
    await expect(acquireStoreLock(file)).rejects.toThrow(
      `The data folder is open in Liaison Desk on another computer ("CORP-LAPTOP-17", pid 4242) — it is in a shared or synced folder. Close Liaison Desk there first. If it is not running there any more, delete the file ${file} and try again.`,
    );
    expect(JSON.parse(await fs.readFile(file, 'utf8')).host).toBe('CORP-LAPTOP-17');
  });

  it('takes over a lock whose pid now belongs to another program (its start time differs), and not one whose owner still runs', async () => {
    const dir = await tempDir();
    const file = join(dir, 'store.lock');
    // The parent process runs, so its pid is alive; with another start time it is a reused pid.
    await writeFile(file, owner({ pid: process.ppid, started: 'another-boot:12345' }));
    const lock = await acquireStoreLock(file);
    await lock.release();
    await writeFile(file, owner({ pid: process.ppid, started: processStartTime(process.ppid) }));
    await expect(acquireStoreLock(file)).rejects.toThrow(
      `The data folder is already open in another Liaison Desk process (pid ${process.ppid}). Close it first. If no Liaison Desk window or command is running, delete the file ${file} and try again.`,
    );
  });

  it('on a full disk: the documented message, no lock file, no temp file, no open handle', async () => {
    const dir = await tempDir();
    const closed = vi.fn();
    const full: LockFs = {
      ...fs,
      open: (async (path: string, flags: string) => {
        const handle = await fs.open(path, flags);
        const close = handle.close.bind(handle);
        return Object.assign(handle, {
          writeFile: async () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })),
          close: async () => {
            closed();
            return close();
          },
        });
      }) as LockFs['open'],
    };
    await expect(acquireStoreLock(join(dir, 'store.lock'), full)).rejects.toMatchObject({
      code: 'save-failed',
      message: 'Liaison Desk could not open the data folder: the disk is full. Nothing was changed; free some space and start again.',
    });
    expect(closed).toHaveBeenCalledOnce();
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('restore and the lock', () => {
  it('keeps the data folder locked from the moment the store closes until the restored store is open', async () => {
    const source = await tempDir();
    const store = await Store.open(source, { skipDailyBackup: true });
    const sample = makeReportDoc();
    await store.addReport(sample.doc, sample.text, sample.source);
    const archive = join(await tempDir(), 'x.ldarchive');
    await store.exportArchive(archive);
    await store.close();

    const dir = await tempDir();
    const core = await openAppCore(dir, { transport: 'http', saveFile: downloadInstead }, { skipDailyBackup: true });
    const lockFile = join(dir, 'store.lock');
    let gaps = 0;
    let watching = true;
    const watch = (async () => {
      while (watching) {
        if (!existsSync(lockFile)) gaps++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const answer = await core.dispatch('store.restoreArchive', { fileName: 'x.ldarchive', dataBase64: (await fs.readFile(archive)).toString('base64') });
    watching = false;
    await watch;
    expect(answer, JSON.stringify(answer)).toMatchObject({ ok: true, value: { reports: 1 } });
    expect(gaps).toBe(0);
    expect(core.store.allReportDocs()).toHaveLength(1);
    await core.close();
    expect(existsSync(lockFile)).toBe(false);
  });
});
