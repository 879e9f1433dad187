import { describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Store } from './repository';
import { verifyArchive } from './backups';
import type { WriteFs } from './atomic-write';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { makeNote, makeReportDoc } from '../../../tests/helpers/make-report';

const tempDir = useTempDirs();
const DAY = () => new Date('2026-03-01T09:00:00Z');

/**
 * The review's steps: today's backup is taken before two imports, a note and a settings change; the
 * process is killed (no close, so no backup at close; its lock is left behind, and the next start
 * finds its pid gone — removing the file stands in for that); index.json is cut in half.
 */
async function killedAfterImports() {
  const dir = await tempDir();
  const store = await Store.open(dir, { now: DAY });
  await store.backupIfDue();
  const first = makeReportDoc('Areas for improvement\n\nThe force should improve its vetting.', 'PEEL 2017 Legitimacy');
  const second = makeReportDoc('Cause of concern\n\nThe force does not record crime accurately.', 'Crime data integrity');
  await store.addReport(first.doc, first.text, first.source);
  await store.addReport(second.doc, second.text, second.source);
  await store.updateReport(first.doc.report.id, (draft) => {
    draft.findings[0]!.tracking.owner = 'Supt Jane Doe';
  });
  await store.updateReport(second.doc.report.id, (draft) => {
    draft.annotations.push({
      id: 'a1',
      reportId: second.doc.report.id,
      anchor: { start: 0, end: 16, page: null, quote: 'Cause of concern' },
      prefix: '',
      suffix: '',
      note: 'Raise at Gold Group',
      tags: [],
      colour: 'yellow',
      createdAt: DAY().toISOString(),
      updatedAt: DAY().toISOString(),
    });
  });
  const note = makeNote('Vetting backlog raised with PSD');
  await store.putNote(note);
  await store.updateIndex((index) => {
    index.settings.boardName = 'Business Coordination Board';
  });
  await rm(join(dir, 'store.lock'));
  const index = await readFile(join(dir, 'index.json'), 'utf8');
  await writeFile(join(dir, 'index.json'), index.slice(0, Math.floor(index.length / 2)));
  return { dir, first, second, note };
}

describe('opening a store whose index lost reports', () => {
  it('re-attaches every valid report file the index does not name, with its tracking and annotations, and says so', async () => {
    const { dir, first, second, note } = await killedAfterImports();
    const store = await Store.open(dir, { now: DAY });
    const ids = store.allReportDocs().map((doc) => doc.report.id);
    expect(ids.sort()).toEqual([first.doc.report.id, second.doc.report.id].sort());
    expect(store.reportDoc(first.doc.report.id)!.findings[0]!.tracking.owner).toBe('Supt Jane Doe');
    expect(store.reportDoc(second.doc.report.id)!.annotations.map((a) => a.note)).toEqual(['Raise at Gold Group']);
    expect(store.note(note.id)?.text).toBe('Vetting backlog raised with PSD');
    // The banner: the index restored from today's backup, then each report re-attached.
    expect(store.recovered[0]).toMatchObject({ file: 'index.json', restoredFrom: 'backup-2026-03-01.ldarchive' });
    const reattached = store.recovered.filter((n) => n.action === 'reattached').map((n) => n.file).sort();
    expect(reattached).toEqual([join('reports', `${first.doc.report.id}.json`), join('reports', `${second.doc.report.id}.json`)].sort());
    expect(reattached.length).toBe(2);
    // The index on disk names them again, so the next open needs no recovery.
    await store.close();
    const again = await Store.open(dir, { now: DAY, skipDailyBackup: true });
    expect(again.recovered).toEqual([]);
    expect(again.allReportDocs()).toHaveLength(2);
    await again.close();
  });

  it('puts the re-attached reports in the next whole-store export, so a move to a new laptop keeps them', async () => {
    const { dir, first, second } = await killedAfterImports();
    const store = await Store.open(dir, { now: DAY });
    const archive = join(await tempDir(), 'move.ldarchive');
    await store.exportArchive(archive);
    const verified = await verifyArchive(archive);
    expect(verified.reports).toBe(2);
    expect([...verified.index.reportIds].sort()).toEqual([first.doc.report.id, second.doc.report.id].sort());
    expect(verified.sources).toEqual(new Set([first.doc.report.sha256, second.doc.report.sha256]));
    await store.close();
  });

  it('never overwrites today’s backup with a store that lost data at open', async () => {
    const { dir } = await killedAfterImports();
    const before = await readFile(join(dir, 'backups', 'backup-2026-03-01.ldarchive'));
    const store = await Store.open(dir, { now: DAY });
    await store.updateReport(store.allReportDocs()[0]!.report.id, (draft) => {
      draft.findings[0]!.tracking.status = 'In progress';
    });
    await store.close(); // the backup at close
    expect(await readFile(join(dir, 'backups', 'backup-2026-03-01.ldarchive'))).toEqual(before);
    const names = (await readdir(join(dir, 'backups'))).sort();
    expect(names).toEqual(['backup-2026-03-01-090000.ldarchive', 'backup-2026-03-01.ldarchive']);
    expect((await verifyArchive(join(dir, 'backups', names[0]!))).reports).toBe(2);
  });

  it('rebuilds the store from the report and note files when the index and every backup are damaged', async () => {
    const { dir, first, second, note } = await killedAfterImports();
    for (const name of await readdir(join(dir, 'backups'))) await writeFile(join(dir, 'backups', name), 'not gzip');
    const store = await Store.open(dir, { now: DAY });
    expect(store.allReportDocs().map((d) => d.report.id).sort()).toEqual([first.doc.report.id, second.doc.report.id].sort());
    expect(store.reportDoc(first.doc.report.id)!.findings[0]!.tracking.owner).toBe('Supt Jane Doe');
    expect(store.note(note.id)).toBeDefined();
    const rebuilt = store.recovered.find((n) => n.action === 'rebuilt');
    expect(rebuilt?.message).toMatch(/rebuilt from the report and note files.*settings, board papers and links between findings could not be recovered/);
    await store.close();
    // The damaged backups were not replaced by the rebuilt store: they are still there, untouched.
    expect(await readFile(join(dir, 'backups', 'backup-2026-03-01.ldarchive'), 'utf8')).toBe('not gzip');
  });

  it('leaves a damaged report file the index does not name where it is, and reports it', async () => {
    const dir = await tempDir();
    const store = await Store.open(dir, { skipDailyBackup: true });
    await store.close();
    await writeFile(join(dir, 'reports', 'stray.json'), '{"report":');
    const again = await Store.open(dir, { skipDailyBackup: true });
    expect(again.recovered).toMatchObject([{ file: join('reports', 'stray.json'), action: 'left' }]);
    expect(existsSync(join(dir, 'reports', 'stray.json'))).toBe(true);
    await again.close();
  });

  it('lists a source file no report names, for the app to read again', async () => {
    const dir = await tempDir();
    const store = await Store.open(dir, { skipDailyBackup: true });
    const sample = makeReportDoc();
    await store.addReport(sample.doc, sample.text, sample.source);
    await store.close();
    await rm(join(dir, 'reports', `${sample.doc.report.id}.json`));
    const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { reportIds: string[] };
    await writeFile(join(dir, 'index.json'), JSON.stringify({ ...index, reportIds: [] }));
    const again = await Store.open(dir, { skipDailyBackup: true });
    expect(again.unattachedSources).toEqual([sample.doc.report.sha256]);
    await again.close();
  });
});

describe('a source file no report names', () => {
  it('is read again after the first screen and re-attached as a report, and the banner says so', async () => {
    const { openAppCore } = await import('../app');
    const { downloadInstead } = await import('../http/download');
    const { readFileSync } = await import('node:fs');
    const dir = await tempDir();
    const store = await Store.open(dir, { skipDailyBackup: true });
    await store.close();
    // What an import leaves when the process dies after writing the source and before the report: the source alone.
    const bytes = readFileSync(join(import.meta.dirname, '../../../tests/fixtures/peel-2016-legitimacy-web-report.txt'));
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha256').update(bytes).digest('hex');
    await writeFile(join(dir, 'sources', sha), bytes);
    const core = await openAppCore(dir, { transport: 'http', saveFile: downloadInstead }, { skipDailyBackup: true });
    expect(core.store.unattachedSources).toEqual([sha]);
    await core.dispatch('reports.list', {});
    await core.firstScreen;
    await expect.poll(() => core.store.allReportDocs().length, { timeout: 60_000 }).toBe(1);
    const doc = core.store.allReportDocs()[0]!;
    expect(doc.report).toMatchObject({ sha256: sha, force: 'Cambridgeshire Constabulary', fileName: `recovered-${sha.slice(0, 12)}` });
    expect(core.store.recovered).toMatchObject([{ file: join('sources', sha), action: 'reimported' }]);
    await core.close();
  }, 90_000);
});

describe('removing a report, interrupted', () => {
  it('a removal whose index save failed leaves the report whole and attached', async () => {
    const dir = await tempDir();
    const failing = { on: false };
    const disk: WriteFs = {
      ...fs,
      rename: (async (from: string, to: string) => {
        if (failing.on && to.endsWith('index.json')) throw Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' });
        return fs.rename(from, to);
      }) as WriteFs['rename'],
    };
    const store = await Store.open(dir, { skipDailyBackup: true, fs: disk });
    const sample = makeReportDoc();
    await store.addReport(sample.doc, sample.text, sample.source);
    failing.on = true;
    await expect(store.removeReport(sample.doc.report.id)).rejects.toMatchObject({ code: 'save-failed' });
    expect(existsSync(join(dir, 'reports', `${sample.doc.report.id}.json`))).toBe(true);
    expect(existsSync(join(dir, 'sources', sample.doc.report.sha256))).toBe(true);
    await store.close();
    const again = await Store.open(dir, { skipDailyBackup: true });
    expect(again.reportDoc(sample.doc.report.id)).toEqual(sample.doc);
    expect(again.recovered).toEqual([]);
    await again.close();
  });

  it('a crash after the index stopped naming the report finishes the removal; it never comes back as a re-attached report', async () => {
    const dir = await tempDir();
    const store = await Store.open(dir, { skipDailyBackup: true });
    const sample = makeReportDoc();
    await store.addReport(sample.doc, sample.text, sample.source);
    await store.close();
    const id = sample.doc.report.id;
    // What the removal leaves if the process dies right after the index save: the claimed files.
    for (const file of [join(dir, 'reports', `${id}.json`), join(dir, 'texts', `${sample.doc.report.sha256}.json`), join(dir, 'sources', sample.doc.report.sha256)]) {
      await fs.rename(file, `${file}.removing`);
    }
    const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { reportIds: string[] };
    await writeFile(join(dir, 'index.json'), JSON.stringify({ ...index, reportIds: [] }));
    const again = await Store.open(dir, { skipDailyBackup: true });
    expect(again.allReportDocs()).toEqual([]);
    expect(again.recovered).toEqual([]);
    expect(again.unattachedSources).toEqual([]);
    expect(await readdir(join(dir, 'reports'))).toEqual([]);
    expect(await readdir(join(dir, 'sources'))).toEqual([]);
    await again.close();
  });

  it('a crash before the index changed puts the claimed files back', async () => {
    const dir = await tempDir();
    const store = await Store.open(dir, { skipDailyBackup: true });
    const sample = makeReportDoc();
    await store.addReport(sample.doc, sample.text, sample.source);
    await store.close();
    const file = join(dir, 'reports', `${sample.doc.report.id}.json`);
    await fs.rename(file, `${file}.removing`);
    const again = await Store.open(dir, { skipDailyBackup: true });
    expect(again.reportDoc(sample.doc.report.id)).toEqual(sample.doc);
    expect(again.recovered).toEqual([]);
    await again.close();
  });
});
