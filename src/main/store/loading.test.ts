import { describe, expect, it } from 'vitest';
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TeamHost } from '../sync/host';
import { Store } from './repository';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { makeNote, makeReportDoc } from '../../../tests/helpers/make-report';
import { createDispatcher } from '../api/dispatcher';
import { handlers } from '../api/handlers';
import type { ApiContext } from '../api/context';
import { downloadInstead } from '../http/download';

const tempDir = useTempDirs();

async function storeWithReports(titles: string[]) {
  const dir = await tempDir();
  const store = await Store.open(dir, { skipDailyBackup: true });
  const samples = [];
  for (const title of titles) {
    const sample = makeReportDoc(`Text of ${title}. The force should improve its vetting.`, title);
    await store.addReport(sample.doc, sample.text, sample.source);
    samples.push(sample);
  }
  await store.close();
  return { dir, samples };
}

const ROUND_TIME = new Date('2020-01-01T00:00:00Z');

describe('opening a store: the report heads first, every file after', () => {
  it('answers the reports list from the heads before any report file is loaded, and from the files once they are', async () => {
    const { dir, samples } = await storeWithReports(['Test report', 'Second report']);
    const file = join(dir, 'reports', `${samples[0]!.doc.report.id}.json`);
    // Give the file a time the next rewrite can reproduce exactly, and let a store record that stamp.
    await utimes(file, ROUND_TIME, ROUND_TIME);
    await (await Store.open(dir, { skipDailyBackup: true })).close();
    // Change the title in place, same length, same inode, same time: the stamp cannot tell, so the cached head is used.
    const before = await stat(file);
    await writeFile(file, (await readFile(file, 'utf8')).replace('"Test report"', '"Best report"'));
    await utimes(file, ROUND_TIME, ROUND_TIME);
    expect((await stat(file)).ino).toBe(before.ino);

    const store = await Store.open(dir, { skipDailyBackup: true, background: true });
    expect(store.loaded).toBe(false);
    expect(store.reportDoc(samples[0]!.doc.report.id)).toBeUndefined();
    expect(store.reportHeads().map((h) => [h.report.title, h.findingCount])).toEqual([
      ['Test report', 1],
      ['Second report', 1],
    ]);
    await store.ready;
    expect(store.loaded).toBe(true);
    // Loaded and validated in the background: the file is the truth, and the heads follow it.
    expect(store.reportHeads().map((h) => h.report.title)).toEqual(['Best report', 'Second report']);
    await store.close();
  });

  it('reads a report whose file changed since the heads were written before it answers', async () => {
    const { dir, samples } = await storeWithReports(['Test report', 'Second report']);
    const file = join(dir, 'reports', `${samples[1]!.doc.report.id}.json`);
    await writeFile(file, (await readFile(file, 'utf8')).replace('"Second report"', '"Second report, corrected by hand"'));
    const store = await Store.open(dir, { skipDailyBackup: true, background: true });
    expect(store.reportHeads().map((h) => h.report.title)).toEqual(['Test report', 'Second report, corrected by hand']);
    await store.close();
  });

  it('ignores a damaged heads file, and writes it anew', async () => {
    const { dir } = await storeWithReports(['Test report', 'Second report']);
    const heads = join(dir, 'cache', 'reports.json');
    expect(JSON.parse(await readFile(heads, 'utf8')).reports).toHaveLength(2);
    for (const damage of ['{"format": 1, "reports": [{"id": "x"', '{"format": 1, "reports": "none"}', '']) {
      await writeFile(heads, damage);
      const store = await Store.open(dir, { skipDailyBackup: true, background: true });
      expect(store.reportHeads().map((h) => h.report.title)).toEqual(['Test report', 'Second report']);
      expect(store.recovered).toEqual([]);
      await store.ready;
      await store.close();
      expect(JSON.parse(await readFile(heads, 'utf8')).reports.map((r: { report: { title: string } }) => r.report.title)).toEqual([
        'Test report',
        'Second report',
      ]);
    }
  });

  it('keeps the heads current with every save, and drops a removed report', async () => {
    const { dir, samples } = await storeWithReports(['Test report', 'Second report']);
    const store = await Store.open(dir, { skipDailyBackup: true });
    await store.updateReport(samples[0]!.doc.report.id, (draft) => {
      draft.report.title = 'Renamed';
      draft.findings.push({ ...draft.findings[0]!, id: 'added-finding', order: 1 });
    });
    await store.removeReport(samples[1]!.doc.report.id);
    expect(store.reportHeads().map((h) => [h.report.title, h.findingCount])).toEqual([['Renamed', 2]]);
    await store.close();
    const again = await Store.open(dir, { skipDailyBackup: true, background: true });
    expect(again.reportHeads().map((h) => [h.report.title, h.findingCount])).toEqual([['Renamed', 2]]);
    await again.close();
  });

  it('makes writes wait until every file is loaded', async () => {
    const { dir, samples } = await storeWithReports(['Test report']);
    const store = await Store.open(dir, { skipDailyBackup: true, background: true });
    const order: string[] = [];
    const saved = store.putNote(makeNote('written while loading')).then(() => order.push('saved'));
    void store.ready.then(() => order.push('loaded'));
    await saved;
    expect(order).toEqual(['loaded', 'saved']);
    expect(store.reportDoc(samples[0]!.doc.report.id)?.report.title).toBe('Test report');
    await store.close();
  });
});

describe('lookups by id', () => {
  it('finds the report of a finding, an annotation and a source file, through saves and removals', async () => {
    const { dir, samples } = await storeWithReports(['Test report', 'Second report']);
    const store = await Store.open(dir, { skipDailyBackup: true, background: true });
    await store.ready;
    const [first, second] = samples.map((s) => s.doc);
    expect(store.findingReportId(first!.findings[0]!.id)).toBe(first!.report.id);
    expect(store.findingReportId(second!.findings[0]!.id)).toBe(second!.report.id);
    expect(store.reportIdsWithSource(second!.report.sha256)).toEqual([second!.report.id]);

    await store.updateReport(first!.report.id, (draft) => {
      draft.findings = [{ ...draft.findings[0]!, id: 'split-a' }];
      draft.annotations.push({
        id: 'note-on-vetting',
        reportId: first!.report.id,
        anchor: { start: 0, end: 4, page: null, quote: 'Text' },
        prefix: '',
        suffix: ' of',
        note: 'Ask PSD',
        tags: [],
        colour: 'yellow',
        createdAt: '2020-01-01T00:00:00.000Z',
        updatedAt: '2020-01-01T00:00:00.000Z',
      });
    });
    expect(store.findingReportId(first!.findings[0]!.id)).toBeUndefined();
    expect(store.findingReportId('split-a')).toBe(first!.report.id);
    expect(store.annotationReportId('note-on-vetting')).toBe(first!.report.id);

    await store.removeReport(first!.report.id);
    expect(store.findingReportId('split-a')).toBeUndefined();
    expect(store.annotationReportId('note-on-vetting')).toBeUndefined();
    expect(store.reportIdsWithSource(first!.report.sha256)).toEqual([]);
    expect(store.findingReportId(second!.findings[0]!.id)).toBe(second!.report.id);
    await store.close();
  });
});

describe('the dispatcher while the store loads', () => {
  it('answers the first screen at once and makes every other call wait for the files', async () => {
    const { dir } = await storeWithReports(['Test report']);
    const store = await Store.open(dir, { skipDailyBackup: true });
    let finishLoading!: () => void;
    store.ready = new Promise<void>((resolve) => (finishLoading = resolve));
    const ctx: ApiContext = {
      store,
      transport: 'http',
      version: 'test',
      samplesDir: dir,
      saveFile: downloadInstead,
      reopenStore: () => Promise.reject(new Error('not used')),
      team: new TeamHost(() => store, dir),
    };
    const dispatch = createDispatcher(handlers, ctx);
    const answered: string[] = [];
    // No search index was ever written for this store, so search too waits for the files (see search.test.ts for one that does not).
    const calls = (['app.status', 'reports.list', 'search.query', 'notes.list', 'findings.dashboard'] as const).map((name) =>
      dispatch(name, name === 'search.query' ? { q: 'vetting' } : {}).then((result) => {
        expect(result.ok, name).toBe(true);
        answered.push(name);
      }),
    );
    const recovery = dispatch('app.status', { whenLoaded: true }).then(() => answered.push('app.status after loading'));
    await Promise.all(calls.slice(0, 2));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered.sort()).toEqual(['app.status', 'reports.list']);
    finishLoading();
    await Promise.all([...calls, recovery]);
    expect(answered.slice(2).sort()).toEqual(['app.status after loading', 'findings.dashboard', 'notes.list', 'search.query']);
    await store.close();
  });
});
