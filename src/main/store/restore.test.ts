import { describe, expect, it } from 'vitest';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Store } from './repository';
import { restoreArchive } from './restore';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { makeNote, makeReportDoc } from '../../../tests/helpers/make-report';
import { SCHEMA_VERSION } from './schema';

const tempDir = useTempDirs();

async function filesOf(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[join(entry.parentPath, entry.name).slice(dir.length)] = (await readFile(join(entry.parentPath, entry.name))).toString('base64');
  }
  return out;
}

/** A store with two reports, an edit and two notes, exported to a full archive. */
async function exportedStore() {
  const dir = await tempDir();
  const store = await Store.open(dir, { skipDailyBackup: true });
  const first = makeReportDoc('Areas for improvement\n\nThe force should improve its vetting.', 'PEEL 2017 Legitimacy');
  const second = makeReportDoc('Cause of concern\n\nThe force does not record crime accurately.', 'Crime data integrity');
  await store.addReport(first.doc, first.text, first.source);
  await store.addReport(second.doc, second.text, second.source);
  await store.updateReport(first.doc.report.id, (draft) => {
    draft.findings[0]!.tracking.owner = 'Supt Jane Doe';
  });
  await store.putNote(makeNote('Vetting backlog raised with PSD'));
  await store.putNote(makeNote('Gold Group on 16 January 2018'));
  await store.updateIndex((index) => {
    index.settings.boardName = 'Business Coordination Board';
  });
  const archive = join(await tempDir(), 'export.ldarchive');
  await store.exportArchive(archive);
  return { dir, store, archive, first, second };
}

/** Rewrites an archive's JSON lines, to make one bad in a chosen way. */
async function altered(archive: string, change: (lines: string[]) => string[]): Promise<string> {
  const lines = gunzipSync(await readFile(archive)).toString('utf8').split('\n').filter(Boolean);
  const file = join(await tempDir(), 'altered.ldarchive');
  await writeFile(file, gzipSync(`${change(lines).join('\n')}\n`));
  return file;
}

describe('restoreArchive', () => {
  it('round trip: a fresh folder restored from an export holds the same reports, notes, texts, sources and settings', async () => {
    const { store, archive, first, second } = await exportedStore();
    const target = await tempDir();
    const outcome = await restoreArchive(target, archive);
    expect(outcome).toMatchObject({ reports: 2, notes: 2 });
    const restored = await Store.open(target, { skipDailyBackup: true });
    expect(restored.recovered).toEqual([]);
    expect(restored.index).toEqual(store.index);
    expect(restored.allReportDocs()).toEqual(store.allReportDocs());
    expect(restored.reportDoc(first.doc.report.id)!.findings[0]!.tracking.owner).toBe('Supt Jane Doe');
    expect(restored.allNotes().map((n) => n.text).sort()).toEqual(['Gold Group on 16 January 2018', 'Vetting backlog raised with PSD']);
    for (const sample of [first, second]) {
      expect(await restored.readText(sample.doc.report.sha256)).toEqual(sample.text);
      expect(await restored.readSource(sample.doc.report.sha256)).toEqual(sample.source);
    }
    expect(restored.index.settings.boardName).toBe('Business Coordination Board');
    await restored.close();
    await store.close();
  });

  it('replaces a store in place, moving its previous contents into set-aside/before-restore-…', async () => {
    const { dir, store, archive } = await exportedStore();
    await store.putNote(makeNote('written after the export'));
    await store.close();
    const before = await filesOf(dir);
    const outcome = await restoreArchive(dir, archive, new Date('2026-03-01T09:00:00Z'));
    expect(outcome.setAsideAs).toBe(join('set-aside', 'before-restore-2026-03-01T09-00-00-000Z'));
    const after = await filesOf(dir);
    for (const [file, content] of Object.entries(before)) {
      if (file.startsWith('/backups/') || file.startsWith('/set-aside/')) continue;
      expect(after[`/${outcome.setAsideAs}${file}`], file).toBe(content);
    }
    expect((await readdir(dir)).filter((name) => name.startsWith('.restore-'))).toEqual([]);
    const restored = await Store.open(dir, { skipDailyBackup: true });
    expect(restored.allNotes().map((n) => n.text)).not.toContain('written after the export');
    expect(restored.allNotes()).toHaveLength(2);
    await restored.close();
  });

  const BAD: [string, (archive: string) => Promise<string>, RegExp][] = [
    ['a truncated gzip file', async (a) => {
      const file = join(await tempDir(), 'cut.ldarchive');
      const bytes = await readFile(a);
      await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
      return file;
    }, /not valid gzip|damaged/],
    ['a file that is not gzip', async () => {
      const file = join(await tempDir(), 'text.ldarchive');
      await writeFile(file, 'index.json\nreports/\n');
      return file;
    }, /not valid gzip/],
    ['a wrong header', (a) => altered(a, ([, ...rest]) => [JSON.stringify({ format: 'zip-of-something', version: 1 }), ...rest]), /not a Liaison Desk archive/],
    ['a newer format', (a) => altered(a, ([header, ...rest]) => [JSON.stringify({ ...JSON.parse(header!), schemaVersion: SCHEMA_VERSION + 1 }), ...rest]), /newer version of Liaison Desk/],
    ['a schema-invalid report record', (a) => altered(a, (lines) => lines.map((line) => line.replace('"status":"Not started"', '"status":"Finished-ish"'))), /record report:\S+ does not match the store's schema \(findings\.0\.tracking\.status/],
    ['a source whose sha256 does not match its key', (a) => altered(a, (lines) => lines.map((line) => {
      const record = JSON.parse(line) as { key?: string; data?: unknown };
      return record.key?.startsWith('source:') ? JSON.stringify({ ...record, data: Buffer.from('tampered').toString('base64') }) : line;
    })), /source file .* is damaged/],
    ['a record naming a file outside the store', (a) => altered(a, (lines) => [...lines, JSON.stringify({ key: 'text:../../index', data: {} })]), /record text:\.\.\/\.\.\/index holds the text of another file/],
    ['a report whose source is missing', (a) => altered(a, (lines) => lines.filter((line) => !line.includes('"key":"source:'))), /lacks the text or source/],
    ['a daily backup', async (a) => altered(a, (lines) => lines.filter((l) => !/"key":"(source|text):/.test(l)).map((l, i) => (i === 0 ? l.replace('"full"', '"backup"') : l))), /daily backup/],
  ];

  for (const [what, make, message] of BAD) {
    it(`refuses ${what} and changes nothing`, async () => {
      const { dir, store, archive } = await exportedStore();
      await store.close();
      const bad = await make(archive);
      const before = await filesOf(dir);
      await expect(restoreArchive(dir, bad)).rejects.toMatchObject({ message: expect.stringMatching(message) });
      await expect(restoreArchive(dir, bad)).rejects.toMatchObject({ message: expect.stringMatching(/Nothing was changed\.$/) });
      expect(await filesOf(dir)).toEqual(before);
      expect(await readdir(dir)).not.toContain('set-aside');
    });
  }

  it('refuses while another process has the store open', async () => {
    const { dir, store, archive } = await exportedStore();
    await store.close();
    await writeFile(join(dir, 'store.lock'), JSON.stringify({ pid: process.ppid, host: (await import('node:os')).hostname(), at: '' }));
    const before = await filesOf(dir);
    await expect(restoreArchive(dir, archive)).rejects.toThrow(/already open in another Liaison Desk process/);
    expect(await filesOf(dir)).toEqual(before);
  });
});
