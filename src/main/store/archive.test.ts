import { describe, expect, it } from 'vitest';
import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ARCHIVE_FORMAT, ArchiveDamagedError, readArchive } from './archive';
import { writeBackup } from './backups';
import { checkRestorable } from './restore';
import { storeLayout } from './layout';
import { Store } from './repository';
import { SCHEMA_VERSION } from './schema';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { makeReportDoc } from '../../../tests/helpers/make-report';

const tempDir = useTempDirs();
const header = (createdAt = '2026-03-01T09:00:00.000Z', contents = 'full') =>
  JSON.stringify({ format: ARCHIVE_FORMAT, version: 1, schemaVersion: SCHEMA_VERSION, createdAt, contents });

/**
 * A gzip whose second line is `bytes` long (of one repeated character): a few hundred KB on disk. Made
 * of gzip members one after another (which gunzip reads as one stream), so it takes no time to build.
 */
async function bomb(file: string, bytes: number, prefix = '{"key":"index","data":"'): Promise<void> {
  const block = gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x61), { level: 9 });
  const parts = [gzipSync(`${header()}\n${prefix}`)];
  for (let written = 0; written < bytes; written += 4 * 1024 * 1024) parts.push(block);
  parts.push(gzipSync('"}\n'));
  await writeFile(file, Buffer.concat(parts));
}

async function drain(file: string): Promise<unknown> {
  try {
    for await (const record of readArchive(file)) void record;
    return null;
  } catch (error) {
    return error;
  }
}

describe('reading an archive', () => {
  it('refuses a line that inflates past the record cap (the 1.2 GB one-line bomb), as a value, before the memory is spent', async () => {
    const file = join(await tempDir(), 'bomb.ldarchive');
    await bomb(file, 1200 * 1024 * 1024);
    expect((await stat(file)).size).toBeLessThan(2 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const error = await drain(file);
    expect(error).toBeInstanceOf(ArchiveDamagedError);
    expect((error as Error).message).toBe('This archive is damaged: record 2 is longer than 128 MB, more than any real record');
    expect(process.memoryUsage().rss - before).toBeLessThan(600 * 1024 * 1024);
  }, 60_000);

  it('refuses an archive that inflates past 100 times its size in many small lines', async () => {
    const file = join(await tempDir(), 'ratio.ldarchive');
    const lines = gzipSync(`${JSON.stringify({ key: 'notes:1', data: { notes: [] }, pad: 'x'.repeat(1000) })}\n`.repeat(1000), { level: 9 });
    await writeFile(file, Buffer.concat([gzipSync(`${header()}\n`), ...Array.from({ length: 300 }, () => lines)]));
    expect(await drain(file)).toMatchObject({ message: expect.stringMatching(/^This archive is damaged: it unpacks to more than 256 MB \(from \d+ MB\), more than any real store$/) });
  });

  it('names a line that is not JSON, a record without a key, a cut-short gzip and an empty file', async () => {
    const dir = await tempDir();
    const cases: [string, Buffer, string][] = [
      ['json', gzipSync(`${header()}\n{"key":`), 'record 2 is not valid JSON'],
      ['key', gzipSync(`${header()}\n[1,2]\n`), 'record 2 has no key'],
      ['cut', gzipSync(`${header()}\n${'{"key":"x","data":1}\n'.repeat(1000)}`).subarray(0, 200), 'it is not valid gzip (it is not a Liaison Desk archive, or it was cut short)'],
      ['empty', gzipSync(''), 'the archive is empty'],
      ['foreign', gzipSync('{"hello":"world"}\n'), 'the file is not a Liaison Desk archive (it does not start with the archive header)'],
      ['second header', gzipSync(`${header()}\n{"key":"header","data":{"schemaVersion":1}}\n`), 'record 2 claims to be a second header'],
    ];
    for (const [name, bytes, problem] of cases) {
      const file = join(dir, `${name}.ldarchive`);
      await writeFile(file, bytes);
      expect(await drain(file), name).toMatchObject({ message: `This archive is damaged: ${problem}` });
    }
  });

  it('a restore of the bomb answers with the damage and changes nothing', async () => {
    const file = join(await tempDir(), 'bomb.ldarchive');
    await bomb(file, 200 * 1024 * 1024, '{"key":"source:0000","data":"');
    await expect(checkRestorable(file)).rejects.toMatchObject({
      code: 'unreadable',
      message: 'This archive is damaged: record 2 is longer than 128 MB, more than any real record. Nothing was changed.',
    });
  }, 30_000);

  it('a planted bomb among the backups does not stop recovery from a good one', async () => {
    const dir = await tempDir();
    const store = await Store.open(dir, { skipDailyBackup: true, now: () => new Date('2026-03-01T09:00:00Z') });
    const sample = makeReportDoc();
    await store.addReport(sample.doc, sample.text, sample.source);
    await store.backupNow();
    await store.close();
    await bomb(join(dir, 'backups', 'backup-2026-03-02.ldarchive'), 200 * 1024 * 1024, `{"key":"report:${sample.doc.report.id}","data":"`);
    await writeFile(join(dir, 'reports', `${sample.doc.report.id}.json`), '{');
    const again = await Store.open(dir, { skipDailyBackup: true, now: () => new Date('2026-03-02T09:00:00Z') });
    expect(again.recovered[0]).toMatchObject({ restoredFrom: 'backup-2026-03-01.ldarchive' });
    expect(again.reportDoc(sample.doc.report.id)).toEqual(sample.doc);
    await again.close();
  }, 30_000);
});

describe('which backup recovery prefers', () => {
  async function storeWithBackups() {
    const dir = await tempDir();
    const layout = storeLayout(dir);
    const sample = makeReportDoc();
    const empty = await Store.open(dir, { skipDailyBackup: true }).then(async (s) => {
      const held = structuredClone(s.index);
      await s.close();
      return held;
    });
    const index = { ...empty, schemaVersion: SCHEMA_VERSION, reportIds: [sample.doc.report.id] };
    const titled = (title: string) => ({ ...sample.doc, report: { ...sample.doc.report, title } });
    return { dir, layout, sample, index, titled };
  }

  it('orders backups by the time written inside them, not by their file names', async () => {
    const { dir, layout, sample, index, titled } = await storeWithBackups();
    await writeBackup(layout, { index, reports: [titled('Written on 1 March')], shards: [] }, new Date('2026-03-01T09:00:00Z'));
    await writeBackup(layout, { index, reports: [titled('Written on 5 March')], shards: [] }, new Date('2026-03-05T09:00:00Z'));
    // An old backup under a newer-looking name (a copy, a rename, a sync conflict).
    await rename(join(layout.backups, 'backup-2026-03-01.ldarchive'), join(layout.backups, 'backup-2026-03-09.ldarchive'));
    await writeFile(layout.report(sample.doc.report.id), '{');
    await writeFile(layout.index, JSON.stringify(index));
    const store = await Store.open(dir, { skipDailyBackup: true, now: () => new Date('2026-03-10T09:00:00Z') });
    expect(store.reportDoc(sample.doc.report.id)!.report.title).toBe('Written on 5 March');
    expect(store.recovered[0]!.restoredFrom).toBe('backup-2026-03-05.ldarchive');
    await store.close();
  });

  it('never prefers a backup from the future (a clock once set forward), and rotates it out first', async () => {
    const { dir, layout, sample, index, titled } = await storeWithBackups();
    await writeBackup(layout, { index, reports: [titled('The clock was right')], shards: [] }, new Date('2026-03-01T09:00:00Z'));
    await writeBackup(layout, { index, reports: [titled('The clock was years ahead')], shards: [] }, new Date('2031-01-01T09:00:00Z'));
    await writeFile(layout.report(sample.doc.report.id), '{');
    await writeFile(layout.index, JSON.stringify(index));
    const store = await Store.open(dir, { now: () => new Date('2026-03-02T09:00:00Z'), backupsToKeep: 1 });
    expect(store.reportDoc(sample.doc.report.id)!.report.title).toBe('The clock was right');
    await store.backupNow();
    await store.close();
    expect(await readdir(layout.backups)).toEqual(['backup-2026-03-02.ldarchive']);
    expect((await readFile(join(layout.backups, 'backup-2026-03-02.ldarchive'))).length).toBeGreaterThan(0);
  });
});
