import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Store } from '../store/repository';
import { searchSettled, searchStore } from './search';
import { importDocument } from './import-document';
import { readIndexFile } from '../search/index-file';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { makeNote, makeReportDoc } from '../../../tests/helpers/make-report';
import { FIXTURES } from '../../../tests/helpers/fixtures';
import { testCipher } from '../../../tests/helpers/test-cipher';

const tempDir = useTempDirs();

const VETTING = 'The force should reduce its vetting backlog.';
const CUSTODY = 'The force should improve custody record keeping.';

/** A report whose one finding has the given words. */
function reportWithFinding(findingText: string, title: string) {
  const sample = makeReportDoc(`Areas for improvement\n\n${findingText}`, title);
  sample.doc.findings[0]!.text = findingText;
  return sample;
}

/** Flips a byte inside the first section, where the file's hashes must catch it. */
function flipInSections(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  const at = ((16 + copy.readUInt32LE(12) + 3) & ~3) + 2;
  copy[at] = copy[at]! ^ 0xff;
  return copy;
}

/** A store of two reports and a note, its search index built and written, then closed. */
async function indexedStore(options: { cipher?: ReturnType<typeof testCipher>; encrypt?: boolean } = {}) {
  const dir = await tempDir();
  const store = await Store.open(dir, { skipDailyBackup: true, cipher: options.cipher });
  if (options.encrypt) await store.setEncryption(true);
  const vetting = reportWithFinding(VETTING, 'Vetting inspection');
  const custody = reportWithFinding(CUSTODY, 'Custody inspection');
  for (const sample of [vetting, custody]) await store.addReport(sample.doc, sample.text, sample.source);
  await store.putNote(makeNote('Spoke to the head of PSD about the vetting backlog'));
  await searchSettled(store);
  await store.close();
  return { dir, vetting, custody };
}

/** Opens the store with its files loaded but `ready` held back, as if the background load were still going. */
async function openStillLoading(dir: string, cipher?: ReturnType<typeof testCipher>) {
  const store = await Store.open(dir, { skipDailyBackup: true, cipher });
  let finish!: () => void;
  store.ready = new Promise<void>((resolve) => (finish = resolve));
  return { store, finish };
}

const answeredBeforeLoaded = async <T>(work: Promise<T>): Promise<T | 'waited'> =>
  Promise.race([work, new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 1500))]);

describe('the persisted search index', () => {
  it('is written beside the store and answers the next start before the store has loaded', async () => {
    const { dir, vetting } = await indexedStore();
    expect(existsSync(join(dir, 'cache', 'search.idx'))).toBe(true);
    expect(existsSync(join(dir, 'cache', 'search-texts.idx'))).toBe(true);
    const { store, finish } = await openStillLoading(dir);
    const hits = await answeredBeforeLoaded(searchStore(store, 'vetting backlog', { kinds: ['finding', 'note'] }));
    expect(hits).not.toBe('waited');
    expect((hits as { kind: string; reportId: string | null }[]).map((h) => [h.kind, h.reportId]).sort()).toEqual([
      ['finding', vetting.doc.report.id],
      ['note', null],
    ]);
    finish();
    await store.close();
  });

  it('leaves out the documents of a file changed since it was written, then indexes that file again', async () => {
    const { dir, vetting } = await indexedStore();
    const file = join(dir, 'reports', `${vetting.doc.report.id}.json`);
    await writeFile(file, (await readFile(file, 'utf8')).replaceAll('reduce its vetting backlog', 'publish its misconduct outcomes'));
    const { store, finish } = await openStillLoading(dir);
    const before = await answeredBeforeLoaded(searchStore(store, 'vetting', { kinds: ['finding', 'report', 'note'] }));
    // The note still speaks of vetting; the changed report's finding is not trusted, so not shown.
    expect((before as { kind: string }[]).map((h) => h.kind)).toEqual(['note']);
    expect(await searchStore(store, 'misconduct', { kinds: ['finding'] })).toEqual([]);
    finish();
    await searchSettled(store);
    expect((await searchStore(store, 'misconduct outcomes', { kinds: ['finding'] })).map((h) => h.reportId)).toEqual([vetting.doc.report.id]);
    expect((await searchStore(store, 'vetting', { kinds: ['finding'] })).map((h) => h.reportId)).toEqual([]);
    await store.close();
  });

  it('never trusts a damaged or foreign file: searches wait for the store, and the index is built and written anew', async () => {
    const damages: [string, (bytes: Buffer) => Buffer][] = [
      ['a flipped byte', flipInSections],
      ['cut short', (b) => b.subarray(0, Math.floor(b.length / 2))],
      ['another format', (b) => Buffer.concat([b.subarray(0, 8), Buffer.from([9, 0, 0, 0]), b.subarray(12)])],
      ['not an index at all', () => Buffer.from('{"not": "an index"}')],
      ['empty', () => Buffer.alloc(0)],
    ];
    for (const [damage, spoil] of damages) {
      const { dir, custody } = await indexedStore();
      const file = join(dir, 'cache', 'search.idx');
      await writeFile(file, spoil(await readFile(file)));
      const { store, finish } = await openStillLoading(dir);
      const waiting = searchStore(store, 'custody record', { kinds: ['finding'] });
      expect(await answeredBeforeLoaded(waiting), damage).toBe('waited');
      finish();
      expect((await waiting).map((h) => h.reportId), damage).toEqual([custody.doc.report.id]);
      await searchSettled(store);
      await store.close();
      expect(await readIndexFile(file), damage).not.toBeNull();
    }
  });

  it('is sealed while encryption at rest is on, and the text index (published reports) is not', async () => {
    const cipher = testCipher();
    const { dir, custody } = await indexedStore({ cipher, encrypt: true });
    const sealed = await readFile(join(dir, 'cache', 'search.idx'));
    expect(sealed.subarray(0, 7).toString()).toBe('LDENC1\n');
    expect(sealed.includes('backlog')).toBe(false);
    expect(sealed.includes('PSD')).toBe(false);
    expect((await readFile(join(dir, 'cache', 'search-texts.idx'))).subarray(0, 8).toString()).toBe('LDSEARCH');
    expect((await readFile(join(dir, 'cache', 'reports.json'))).subarray(0, 7).toString()).toBe('LDENC1\n');
    const { store, finish } = await openStillLoading(dir, cipher);
    const hits = await answeredBeforeLoaded(searchStore(store, 'custody', { kinds: ['finding'] }));
    expect(hits).not.toBe('waited');
    expect((hits as { reportId: string }[]).map((h) => h.reportId)).toEqual([custody.doc.report.id]);
    finish();
    await store.close();
  });
});

describe('search in report texts', () => {
  it('finds “Flagstone” in the 2018/19 report and gives the passage to open it at', async () => {
    const dir = await tempDir();
    const store = await Store.open(dir, { skipDailyBackup: true });
    const bytes = await readFile(join(FIXTURES, 'peel-2018-19-integrated-report.txt'));
    const { id } = await importDocument(store, 'peel-2018-19-integrated-report.txt', bytes);
    await searchSettled(store);
    const hits = await searchStore(store, 'Flagstone');
    // The word is in no finding, note or title: only in the text, in the paragraph on vetting and barred lists.
    expect(hits.map((h) => h.kind)).toEqual(['text']);
    const [hit] = hits;
    expect(hit).toMatchObject({ id, reportId: id, reportTitle: store.reportHead(id)!.report.title });
    const { text } = await store.readText(store.reportHead(id)!.report.sha256);
    const passage = text.slice(hit!.anchor!.start, hit!.anchor!.end);
    expect(passage).toContain('Flagstone records');
    // The text keeps the web page's links as they came: [words](#).
    expect(passage).toMatch(/^The \[College of Policing\]\(#\) requires the force to create \[Flagstone records\]\(#\) to update barred/);
    expect(passage).toMatch(/The force routinely complies with this requirement\.$/);
    // The snippet reads as the reader shows the text, without the link markup.
    expect(hit!.snippet).toContain('requires the force to create Flagstone records to update barred and advisory lists');
    // Typed as far as it goes, the word is found as a prefix; words of another paragraph do not mix in.
    expect((await searchStore(store, 'flagst')).map((h) => h.kind)).toEqual(['text']);
    expect(await searchStore(store, 'flagstone xylophone', { kinds: ['text'] })).toHaveLength(1);
    await store.close();
  });

  it('answers from the persisted text index at the next start, and forgets a deleted report', async () => {
    const dir = await tempDir();
    const store = await Store.open(dir, { skipDailyBackup: true });
    const bytes = await readFile(join(FIXTURES, 'peel-2018-19-integrated-report.txt'));
    const { id } = await importDocument(store, 'peel-2018-19-integrated-report.txt', bytes);
    await searchSettled(store);
    await store.close();
    const { store: again, finish } = await openStillLoading(dir);
    const hits = await answeredBeforeLoaded(searchStore(again, 'barred and advisory lists', { kinds: ['text'] }));
    expect(hits).not.toBe('waited');
    expect((hits as { reportId: string }[]).map((h) => h.reportId)).toEqual([id]);
    finish();
    await searchSettled(again);
    await again.removeReport(id);
    expect(await searchStore(again, 'Flagstone')).toEqual([]);
    await again.close();
  });
});
