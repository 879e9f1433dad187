import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../src/main/store/repository';
import { generateStore } from './generate-store';
import { median, percentile, type Print } from './stats';
import { execFile } from 'node:child_process';

/** The app's memory with this store open, search index and register built, in a process of its own. */
function residentMemoryWithStoreOpen(dir: string): Promise<number> {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'measure-rss.ts'), dir], (error, stdout) => {
      if (error) return reject(error);
      resolve((JSON.parse(stdout) as { rss: number }).rss / 1024 / 1024);
    }),
  );
}

/** Saving one changed field with 500 reports, 10,000 findings and 50,000 notes in the store. */
export async function run(print: Print): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'liaison-bench-store-'));
  try {
    await generateStore(dir);
    const openStart = performance.now();
    const store = await Store.open(dir, { skipDailyBackup: true });
    print('store.open', performance.now() - openStart, 'ms');
    const docs = store.allReportDocs();
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const doc = docs[(i * 37) % docs.length]!;
      const start = performance.now();
      await store.updateReport(doc.report.id, (draft) => {
        draft.findings[i % draft.findings.length]!.tracking.owner = `Owner ${i}`;
      });
      times.push(performance.now() - start);
    }
    print('store.edit-save.median', median(times), 'ms');
    print('store.edit-save.p95', percentile(times, 95), 'ms');
    const notes = store.allNotes();
    const noteTimes: number[] = [];
    for (let i = 0; i < 100; i++) {
      const note = notes[(i * 101) % notes.length]!;
      const start = performance.now();
      await store.putNote({ ...note, text: `${note.text} (edited ${i})`, updatedAt: new Date().toISOString() });
      noteTimes.push(performance.now() - start);
    }
    print('store.note-save.median', median(noteTimes), 'ms');
    const backupStart = performance.now();
    await store.backupNow();
    print('store.backup', performance.now() - backupStart, 'ms');
    await store.close();
    print('store.rss', await residentMemoryWithStoreOpen(dir), 'MB');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
