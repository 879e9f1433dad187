import { describe, expect, it } from 'vitest';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Store } from './repository';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { makeNote, makeReportDoc } from '../../../tests/helpers/make-report';
import { SCHEMA_VERSION } from './schema';

const tempDir = useTempDirs();

async function storeWithOneReport() {
  const dir = await tempDir();
  const store = await Store.open(dir);
  const sample = makeReportDoc();
  await store.addReport(sample.doc, sample.text, sample.source);
  return { dir, store, sample };
}

describe('Store', () => {
  it('creates a new data folder with an index, and reopens what was saved', async () => {
    const { dir, store, sample } = await storeWithOneReport();
    await store.putNote(makeNote('Spoke to the head of PSD about vetting backlog'));
    await store.close();

    const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8'));
    expect(index.schemaVersion).toBe(SCHEMA_VERSION);
    expect(index.reportIds).toEqual([sample.doc.report.id]);

    const again = await Store.open(dir);
    expect(again.allReportDocs().map((d) => d.report.title)).toEqual(['Test report']);
    expect(again.allNotes().map((n) => n.text)).toEqual(['Spoke to the head of PSD about vetting backlog']);
    expect((await again.readText(sample.doc.report.sha256)).text).toBe(sample.text.text);
    expect((await again.readSource(sample.doc.report.sha256)).toString()).toBe(sample.text.text);
    await again.close();
  });

  it('stores the same file once and answers with the existing id', async () => {
    const { store, sample } = await storeWithOneReport();
    const copy = makeReportDoc(sample.text.text, 'Same bytes, new id');
    const outcome = await store.addReport(copy.doc, copy.text, copy.source);
    expect(outcome).toEqual({ id: sample.doc.report.id, duplicate: true });
    expect(store.allReportDocs()).toHaveLength(1);
    await store.close();
  });

  it('writes only the changed report file on an edit', async () => {
    const { dir, store, sample } = await storeWithOneReport();
    const other = makeReportDoc('Another report text', 'Other');
    await store.addReport(other.doc, other.text, other.source);
    const before = await readFile(join(dir, 'reports', `${other.doc.report.id}.json`), 'utf8');
    const indexBefore = await readFile(join(dir, 'index.json'), 'utf8');
    await store.updateReport(sample.doc.report.id, (draft) => {
      draft.findings[0]!.tracking.owner = 'Supt Jane Doe';
    });
    expect(await readFile(join(dir, 'reports', `${other.doc.report.id}.json`), 'utf8')).toBe(before);
    expect(await readFile(join(dir, 'index.json'), 'utf8')).toBe(indexBefore);
    const edited = JSON.parse(await readFile(join(dir, 'reports', `${sample.doc.report.id}.json`), 'utf8'));
    expect(edited.findings[0].tracking.owner).toBe('Supt Jane Doe');
    await store.close();
  });

  it('refuses an edit that would break the schema and keeps memory and disk as they were', async () => {
    const { dir, store, sample } = await storeWithOneReport();
    const file = join(dir, 'reports', `${sample.doc.report.id}.json`);
    const before = await readFile(file, 'utf8');
    await expect(
      store.updateReport(sample.doc.report.id, (draft) => {
        (draft.findings[0]!.tracking as { status: string }).status = 'Finished-ish';
      }),
    ).rejects.toThrow();
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(store.reportDoc(sample.doc.report.id)!.findings[0]!.tracking.status).toBe('Not started');
    await store.close();
  });

  it('serialises concurrent mutations so none is lost', async () => {
    const { dir, store, sample } = await storeWithOneReport();
    const id = sample.doc.report.id;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        store.updateReport(id, (draft) => {
          draft.findings[0]!.tracking.evidence.push(`evidence ${i}`);
        }),
      ),
    );
    await store.close();
    const again = await Store.open(dir);
    expect(again.reportDoc(id)!.findings[0]!.tracking.evidence).toHaveLength(40);
    expect(new Set(again.reportDoc(id)!.findings[0]!.tracking.evidence).size).toBe(40);
    await again.close();
  });

  it('sets a file that does not parse aside, restores the last good backup and says so', async () => {
    const { dir, store, sample } = await storeWithOneReport();
    await store.backupNow();
    await store.close();
    const file = join(dir, 'reports', `${sample.doc.report.id}.json`);
    await writeFile(file, '{"report": {"id": "trunc');

    const again = await Store.open(dir, { skipDailyBackup: true });
    expect(again.recovered).toHaveLength(1);
    expect(again.recovered[0]!.file).toBe(join('reports', `${sample.doc.report.id}.json`));
    expect(again.recovered[0]!.problem).toMatch(/not valid JSON/);
    expect(again.recovered[0]!.restoredFrom).toMatch(/^backup-\d{4}-\d{2}-\d{2}\.ldarchive$/);
    expect(again.reportDoc(sample.doc.report.id)!.report.title).toBe('Test report');
    const setAside = await readdir(join(dir, 'set-aside'));
    expect(setAside).toHaveLength(1);
    expect(await readFile(join(dir, 'set-aside', setAside[0]!), 'utf8')).toBe('{"report": {"id": "trunc');
    await again.close();
  });

  it('recovers an index that fails validation, and an empty one', async () => {
    for (const damage of ['{"schemaVersion": 1, "reportIds": "not a list"}', '']) {
      const { dir, store, sample } = await storeWithOneReport();
      await store.backupNow();
      await store.close();
      await writeFile(join(dir, 'index.json'), damage);
      const again = await Store.open(dir, { skipDailyBackup: true });
      expect(again.recovered.map((r) => r.file)).toEqual(['index.json']);
      expect(again.recovered[0]!.problem).toMatch(damage ? /does not match the store's schema/ : /empty/);
      expect(again.index.reportIds).toEqual([sample.doc.report.id]);
      await again.close();
    }
  });

  it('keeps the damaged file even when no backup holds a copy', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'index.json'), 'not json at all');
    const store = await Store.open(dir, { skipDailyBackup: true });
    expect(store.recovered[0]).toMatchObject({ file: 'index.json', restoredFrom: null });
    expect(store.index.reportIds).toEqual([]);
    expect(await readdir(join(dir, 'set-aside'))).toHaveLength(1);
    await store.close();
  });

  it('runs migrations from an older format, in order, before validating', async () => {
    const { dir, store, sample } = await storeWithOneReport();
    await store.close();
    const indexFile = join(dir, 'index.json');
    const old = JSON.parse(await readFile(indexFile, 'utf8'));
    await writeFile(indexFile, JSON.stringify({ ...old, schemaVersion: 0, settings: { ...old.settings, boardName: undefined, board: 'Old board' } }));
    const reportFile = join(dir, 'reports', `${sample.doc.report.id}.json`);
    const oldReport = JSON.parse(await readFile(reportFile, 'utf8'));
    delete oldReport.annotations;
    await writeFile(reportFile, JSON.stringify(oldReport));

    const again = await Store.open(dir, {
      skipDailyBackup: true,
      migrations: [
        {
          to: 1,
          index: (raw) => {
            const settings = raw.settings as Record<string, unknown>;
            return { ...raw, settings: { ...settings, boardName: settings.board ?? 'Board', board: undefined } };
          },
          report: (raw) => ({ ...raw, annotations: raw.annotations ?? [] }),
        },
      ],
    });
    expect(again.recovered).toEqual([]);
    expect(again.index.settings.boardName).toBe('Old board');
    expect(again.reportDoc(sample.doc.report.id)!.annotations).toEqual([]);
    expect(JSON.parse(await readFile(indexFile, 'utf8')).schemaVersion).toBe(1);
    await again.close();
  });

  it('refuses a data folder written by a newer version without touching it', async () => {
    const dir = await tempDir();
    const newer = JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1 });
    await writeFile(join(dir, 'index.json'), newer);
    await expect(Store.open(dir)).rejects.toThrow(/newer version of Liaison Desk/);
    expect(await readFile(join(dir, 'index.json'), 'utf8')).toBe(newer);
  });

  it('keeps one backup a day and only the newest fourteen', async () => {
    const dir = await tempDir();
    let day = new Date('2026-01-01T09:00:00Z');
    for (let i = 0; i < 17; i++) {
      const store = await Store.open(dir, { now: () => day });
      await store.backupIfDue();
      await store.close();
      const again = await Store.open(dir, { now: () => day });
      expect(await again.backupIfDue()).toBeNull();
      await again.close();
      day = new Date(day.getTime() + 86_400_000);
    }
    const backups = (await readdir(join(dir, 'backups'))).sort();
    expect(backups).toHaveLength(14);
    expect(backups[0]).toBe('backup-2026-01-04.ldarchive');
    expect(backups[13]).toBe('backup-2026-01-17.ldarchive');
  });

  it('lets only one process open a data folder for writing', async () => {
    const dir = await tempDir();
    const store = await Store.open(dir);
    await writeFile(join(dir, 'store.lock'), JSON.stringify({ pid: process.ppid, host: (await import('node:os')).hostname(), at: '' }));
    await store.close();
    await writeFile(join(dir, 'store.lock'), JSON.stringify({ pid: process.ppid, host: (await import('node:os')).hostname(), at: '' }));
    await expect(Store.open(dir)).rejects.toThrow(/already open in another Liaison Desk process/);
    await writeFile(join(dir, 'store.lock'), JSON.stringify({ pid: 999_999_999, host: (await import('node:os')).hostname(), at: '' }));
    const reopened = await Store.open(dir);
    expect(existsSync(join(dir, 'store.lock'))).toBe(true);
    await reopened.close();
    expect(existsSync(join(dir, 'store.lock'))).toBe(false);
  });

  it('removes a report with its file, and its text and source when the store closes (until then an undo may need them)', async () => {
    const { dir, store, sample } = await storeWithOneReport();
    expect(await store.removeReport(sample.doc.report.id)).toBe(true);
    expect(store.allReportDocs()).toEqual([]);
    expect(existsSync(join(dir, 'reports', `${sample.doc.report.id}.json`))).toBe(false);
    // Kept, claimed for removal (a crash now settles the claim at the next open), and still readable for an undo.
    expect(existsSync(join(dir, 'sources', `${sample.doc.report.sha256}.removing`))).toBe(true);
    expect((await store.readSource(sample.doc.report.sha256)).length).toBe(sample.source.length);
    await store.close();
    expect(existsSync(join(dir, 'sources', `${sample.doc.report.sha256}.removing`))).toBe(false);
    expect(existsSync(join(dir, 'sources', sample.doc.report.sha256))).toBe(false);
    expect(existsSync(join(dir, 'texts', `${sample.doc.report.sha256}.json`))).toBe(false);
  });
});
