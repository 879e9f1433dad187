import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Store } from './repository';
import { writeBackup } from './backups';
import { storeLayout } from './layout';
import { IndexDoc } from './schema';
import type { WriteFs } from './atomic-write';
import { openAppCore } from '../app';
import { DEFAULT_SETTINGS } from '../../shared/domain';
import { downloadInstead } from '../http/download';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { makeNote, makeReportDoc } from '../../../tests/helpers/make-report';

const tempDir = useTempDirs();

/** Opens a store and takes the day's backup, as the app does once the first screen is up. */
async function openForTheDay(dir: string, options: Parameters<typeof Store.open>[1]) {
  const store = await Store.open(dir, options);
  await store.backupIfDue();
  return store;
}
const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

/** A file system whose writes fail with `code` while `failing` is set, like a disk that fills and then frees. */
function switchableDisk() {
  const disk = { failing: null as string | null };
  const wrapped: WriteFs = {
    ...fs,
    open: (async (path: string, flags: string) => {
      const handle = await fs.open(path, flags);
      if (!disk.failing || flags !== 'w') return handle;
      const code = disk.failing;
      return Object.assign(handle, { writeFile: async () => Promise.reject(errno(code)) });
    }) as WriteFs['open'],
  };
  return { disk, fs: wrapped };
}

async function snapshotFiles(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    out[file.slice(dir.length)] = (await readFile(file)).toString('base64');
  }
  return out;
}

describe('a full or read-only disk', () => {
  for (const [code, words] of [
    ['ENOSPC', 'the disk is full'],
    ['EROFS', 'the data folder is on a read-only disk'],
  ] as const) {
    it(`${code}: the write is refused with a clear message, memory and disk stay as they were, and later writes work`, async () => {
      const dir = await tempDir();
      const { disk, fs: failingFs } = switchableDisk();
      const store = await Store.open(dir, { fs: failingFs, skipDailyBackup: true });
      const sample = makeReportDoc();
      await store.addReport(sample.doc, sample.text, sample.source);
      const id = sample.doc.report.id;
      const before = await snapshotFiles(dir);

      disk.failing = code;
      const edit = store.updateReport(id, (draft) => {
        draft.findings[0]!.tracking.owner = 'Supt Jane Doe';
      });
      await expect(edit).rejects.toMatchObject({ code: 'save-failed', message: `Your change was not saved: ${words}. Nothing else was changed.` });
      await expect(store.putNote(makeNote('written on a full disk'))).rejects.toMatchObject({ code: 'save-failed' });
      expect(store.reportDoc(id)!.findings[0]!.tracking.owner).toBeNull();
      expect(store.allNotes()).toEqual([]);
      expect(await snapshotFiles(dir)).toEqual(before);

      disk.failing = null;
      await store.updateReport(id, (draft) => {
        draft.findings[0]!.tracking.owner = 'Supt Jane Doe';
      });
      await store.close();
      const again = await Store.open(dir, { skipDailyBackup: true });
      expect(again.reportDoc(id)!.findings[0]!.tracking.owner).toBe('Supt Jane Doe');
      await again.close();
    });
  }

  it('comes back through the dispatcher as a save-failed error value the UI shows', async () => {
    const dir = await tempDir();
    const { disk, fs: failingFs } = switchableDisk();
    const core = await openAppCore(dir, { transport: 'http', saveFile: downloadInstead }, { fs: failingFs, skipDailyBackup: true });
    const indexBefore = await readFile(join(dir, 'index.json'), 'utf8');
    disk.failing = 'ENOSPC';
    const refused = await core.dispatch('settings.update', { boardName: 'Gold Group' });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'save-failed', message: 'Your change was not saved: the disk is full. Nothing else was changed.' },
    });
    expect(await readFile(join(dir, 'index.json'), 'utf8')).toBe(indexBefore);
    expect(core.store.index.settings.boardName).not.toBe('Gold Group');
    disk.failing = null;
    expect(await core.dispatch('settings.update', { boardName: 'Gold Group' })).toMatchObject({ ok: true, value: { boardName: 'Gold Group' } });
    await core.close();
  });
});

describe('damaged files at open', () => {
  async function storeWithNotesAndBackup() {
    const dir = await tempDir();
    const store = await Store.open(dir, { skipDailyBackup: true });
    const sample = makeReportDoc();
    await store.addReport(sample.doc, sample.text, sample.source);
    const note = makeNote('Vetting backlog raised with PSD');
    await store.putNote(note);
    await store.backupNow();
    await store.close();
    const shards = await readdir(join(dir, 'notes'));
    return { dir, sample, note, shardFile: join(dir, 'notes', shards[0]!) };
  }

  for (const [what, damage, problem] of [
    ['truncated', (text: string) => text.slice(0, Math.floor(text.length / 2)), /not valid JSON/],
    ['empty', () => '', /the file is empty/],
    ['not JSON', () => 'PK\u0003\u0004 binary junk', /not valid JSON/],
    ['schema-invalid', () => JSON.stringify({ notes: [{ id: 'no spaces allowed in ids' }] }), /does not match the store's schema/],
  ] as const) {
    it(`a ${what} notes shard is set aside and its notes come back from the backup`, async () => {
      const { dir, note, shardFile } = await storeWithNotesAndBackup();
      const original = await readFile(shardFile, 'utf8');
      const damaged = damage(original);
      await writeFile(shardFile, damaged);
      const store = await Store.open(dir, { skipDailyBackup: true });
      expect(store.recovered).toHaveLength(1);
      expect(store.recovered[0]!.file).toBe(join('notes', shardFile.split('/').pop()!));
      expect(store.recovered[0]!.problem).toMatch(problem);
      expect(store.recovered[0]!.restoredFrom).toMatch(/^backup-\d{4}-\d{2}-\d{2}\.ldarchive$/);
      expect(store.note(note.id)?.text).toBe('Vetting backlog raised with PSD');
      expect(JSON.parse(await readFile(shardFile, 'utf8'))).toEqual(JSON.parse(original));
      const setAside = await readdir(join(dir, 'set-aside'));
      expect(setAside).toHaveLength(1);
      expect(await readFile(join(dir, 'set-aside', setAside[0]!), 'utf8')).toBe(damaged);
      await store.close();
    });
  }

  it('a truncated report file is set aside and restored', async () => {
    const { dir, sample } = await storeWithNotesAndBackup();
    const file = join(dir, 'reports', `${sample.doc.report.id}.json`);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, 100));
    const store = await Store.open(dir, { skipDailyBackup: true });
    expect(store.recovered.map((r) => r.file)).toEqual([join('reports', `${sample.doc.report.id}.json`)]);
    expect(store.reportDoc(sample.doc.report.id)).toEqual(sample.doc);
    await store.close();
  });

  it('skips a damaged newest backup and recovers from an older good one', async () => {
    const dir = await tempDir();
    const day1 = new Date('2026-03-01T09:00:00Z');
    const first = await Store.open(dir, { now: () => day1 });
    const sample = makeReportDoc();
    await first.addReport(sample.doc, sample.text, sample.source);
    await first.backupNow();
    await first.close();
    const day2 = new Date('2026-03-02T09:00:00Z');
    await (await openForTheDay(dir, { now: () => day2 })).close();
    expect(await readdir(join(dir, 'backups'))).toEqual(['backup-2026-03-01.ldarchive', 'backup-2026-03-02.ldarchive']);
    const newest = join(dir, 'backups', 'backup-2026-03-02.ldarchive');
    const gz = await readFile(newest);
    await writeFile(newest, gz.subarray(0, 20));
    await writeFile(join(dir, 'reports', `${sample.doc.report.id}.json`), '{');
    const store = await Store.open(dir, { now: () => day2, skipDailyBackup: true });
    expect(store.recovered[0]!.restoredFrom).toBe('backup-2026-03-01.ldarchive');
    expect(store.reportDoc(sample.doc.report.id)!.report.title).toBe('Test report');
    await store.close();
  });
});

describe('backups are verified when written', () => {
  it('a backup that does not validate is removed and the error reported', async () => {
    const dir = await tempDir();
    const layout = storeLayout(dir);
    const sample = makeReportDoc();
    const broken = { ...sample.doc, findings: [{ ...sample.doc.findings[0]!, kind: 'rumour' }] } as unknown as typeof sample.doc;
    const index = IndexDoc.parse({ schemaVersion: 1, reportIds: [sample.doc.report.id], settings: { ...DEFAULT_SETTINGS }, papers: [], links: [] });
    await expect(writeBackup(layout, { index, reports: [broken], shards: [] }, new Date('2026-03-01T09:00:00Z'))).rejects.toThrow(
      /the record report:\S+ does not match the store's schema \(findings\.0\.kind/,
    );
    expect(await readdir(layout.backups)).toEqual([]);
  });

  it('a backup that validates stays, and is named for the day', async () => {
    const dir = await tempDir();
    const store = await openForTheDay(dir, { now: () => new Date('2026-03-01T09:00:00Z') });
    await store.close();
    expect(await readdir(join(dir, 'backups'))).toEqual(['backup-2026-03-01.ldarchive']);
  });
});

describe('two processes on one data folder', () => {
  function openInChild(dir: string) {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../../../tests/helpers/open-store-child.ts'), dir], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const opened = new Promise<boolean>((resolve) => {
      child.stdout.on('data', () => stdout.includes('open') && resolve(true));
      void exit.then(() => resolve(false));
    });
    return { child, opened, exit, stderr: () => stderr };
  }

  it('the second process is refused with a clear message while the first holds the store', async () => {
    const dir = await tempDir();
    const first = openInChild(dir);
    expect(await first.opened).toBe(true);
    const second = openInChild(dir);
    expect(await second.opened).toBe(false);
    expect(await second.exit).toBe(1);
    expect(second.stderr()).toMatch(
      new RegExp(`The data folder is already open in another Liaison Desk process \\(pid ${first.child.pid}\\)\\. Close it first\\.`),
    );
    first.child.stdin.end();
    expect(await first.exit).toBe(0);
    expect(existsSync(join(dir, 'store.lock'))).toBe(false);
    const third = openInChild(dir);
    expect(await third.opened).toBe(true);
    third.child.stdin.end();
    await third.exit;
  });
});

describe('the backup at close', () => {
  it('holds what was saved during the session, so a file damaged later the same day comes back', async () => {
    const dir = await tempDir();
    const day = () => new Date('2026-03-01T09:00:00Z');
    const store = await Store.open(dir, { now: day });
    const sample = makeReportDoc();
    await store.addReport(sample.doc, sample.text, sample.source);
    await store.close();
    await writeFile(join(dir, 'reports', `${sample.doc.report.id}.json`), '');
    const again = await Store.open(dir, { now: day });
    expect(again.recovered).toMatchObject([{ problem: 'the file is empty', restoredFrom: 'backup-2026-03-01.ldarchive' }]);
    expect(again.reportDoc(sample.doc.report.id)).toEqual(sample.doc);
    await again.close();
  });
});
