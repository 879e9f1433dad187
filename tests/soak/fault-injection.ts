import { promises as fs } from 'node:fs';
import type { WriteFs } from '../../src/main/store/atomic-write';
import { DISK_PROBLEMS } from '../../src/main/store/save-failure';
import { Store } from '../../src/main/store/repository';
import { makeNote, makeReportDoc } from '../helpers/make-report';

/**
 * In the spirit of SQLite's I/O-error tests: every file-system call a save makes (open the temp file,
 * write, fsync, close, rename, open the folder, fsync it, close it) is made to fail once, in turn, for
 * each kind of save. After each, the save must have either succeeded or failed with one of the
 * documented messages, memory must match what was acknowledged, and the store, opened afresh, must
 * hold every acknowledged write and need no recovery.
 */
export interface FaultResult {
  injected: number;
  lost: number;
  wrongMessage: number;
  problems: string[];
}

type Call = 'open' | 'write' | 'fsync' | 'close' | 'rename' | 'folder open' | 'folder fsync' | 'folder close';

/** The error each call fails with: what a real disk gives for that call. */
const ERRORS: Record<Call, string> = {
  open: 'EMFILE',
  write: 'ENOSPC',
  fsync: 'EIO',
  close: 'EIO',
  rename: 'EXDEV',
  'folder open': 'EMFILE',
  'folder fsync': 'EIO',
  'folder close': 'EIO',
};

const DOCUMENTED = new RegExp(`^Your change was not saved: (${Object.values(DISK_PROBLEMS).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\. Nothing else was changed\\.$`);

/** A file system that counts the calls of a save and fails call number `failAt` once. */
function faultyFs() {
  const state = { count: 0, failAt: -1, injected: null as Call | null };
  const hit = (call: Call) => {
    const n = state.count++;
    if (n !== state.failAt) return;
    state.injected = call;
    throw Object.assign(new Error(`${ERRORS[call]}: injected on ${call}`), { code: ERRORS[call] });
  };
  const wrapped: WriteFs = {
    ...fs,
    open: (async (path: string, flags: string) => {
      const folder = flags === 'r';
      hit(folder ? 'folder open' : 'open');
      const handle = await fs.open(path, flags);
      const writeFile = handle.writeFile.bind(handle);
      const sync = handle.sync.bind(handle);
      const close = handle.close.bind(handle);
      return Object.assign(handle, {
        writeFile: async (data: string | Uint8Array) => {
          hit('write');
          return writeFile(data);
        },
        sync: async () => {
          hit(folder ? 'folder fsync' : 'fsync');
          return sync();
        },
        close: async () => {
          try {
            hit(folder ? 'folder close' : 'close');
          } finally {
            await close();
          }
        },
      });
    }) as WriteFs['open'],
    rename: (async (from: string, to: string) => {
      hit('rename');
      return fs.rename(from, to);
    }) as WriteFs['rename'],
  };
  return { state, fs: wrapped };
}

interface Save {
  name: string;
  run(store: Store, step: number): Promise<void>;
  /** Whether the store holds the save of `step` (in memory, or after a reopen). */
  holds(store: Store, step: number): boolean;
}

export async function runFaultInjection(dir: string): Promise<FaultResult> {
  const result: FaultResult = { injected: 0, lost: 0, wrongMessage: 0, problems: [] };
  const seed = await Store.open(dir, { skipDailyBackup: true });
  const sample = makeReportDoc();
  const reportId = sample.doc.report.id;
  await seed.addReport(sample.doc, sample.text, sample.source);
  await seed.close();

  const extra = new Map<number, ReturnType<typeof makeReportDoc>>();
  const notes = new Map<number, ReturnType<typeof makeNote>>();
  const saves: Save[] = [
    {
      name: 'a tracking edit',
      run: (store, step) => store.updateReport(reportId, (d) => void (d.findings[0]!.tracking.owner = `owner ${step}`)),
      holds: (store, step) => store.reportDoc(reportId)?.findings[0]?.tracking.owner === `owner ${step}`,
    },
    {
      name: 'a note',
      run: (store, step) => {
        notes.set(step, makeNote(`note ${step}`));
        return store.putNote(notes.get(step)!);
      },
      holds: (store, step) => store.note(notes.get(step)!.id)?.text === `note ${step}`,
    },
    {
      name: 'a settings change',
      run: (store, step) => store.updateIndex((index) => void (index.settings.boardName = `board ${step}`)),
      holds: (store, step) => store.index.settings.boardName === `board ${step}`,
    },
    {
      name: 'an import',
      run: async (store, step) => {
        extra.set(step, makeReportDoc(`Areas for improvement\n\nImport ${step}.`, `Import ${step}`));
        const doc = extra.get(step)!;
        await store.addReport(doc.doc, doc.text, doc.source);
      },
      holds: (store, step) => store.reportDoc(extra.get(step)!.doc.report.id)?.report.title === `Import ${step}`,
    },
  ];

  let step = 0;
  for (const save of saves) {
    // A clean run first, to count the calls this kind of save makes.
    const counting = faultyFs();
    let store = await Store.open(dir, { skipDailyBackup: true, fs: counting.fs });
    counting.state.count = 0;
    await save.run(store, step++);
    const calls = counting.state.count;
    await store.close();

    for (let failAt = 0; failAt < calls; failAt++) {
      const faulty = faultyFs();
      store = await Store.open(dir, { skipDailyBackup: true, fs: faulty.fs });
      faulty.state.count = 0;
      faulty.state.failAt = failAt;
      const mine = step++;
      let acknowledged = false;
      try {
        await save.run(store, mine);
        acknowledged = true;
      } catch (error) {
        if (!DOCUMENTED.test((error as Error).message)) {
          result.wrongMessage++;
          result.problems.push(`${save.name}, ${faulty.state.injected} failing: "${(error as Error).message}"`);
        }
      }
      if (faulty.state.injected) result.injected++;
      if (acknowledged !== save.holds(store, mine)) {
        result.problems.push(`${save.name}, ${faulty.state.injected} failing: memory ${acknowledged ? 'lacks the acknowledged save' : 'holds a save that was refused'}`);
        if (acknowledged) result.lost++;
      }
      await store.close();
      const again = await Store.open(dir, { skipDailyBackup: true });
      if (again.recovered.length) result.problems.push(`${save.name}, ${faulty.state.injected} failing: the next open needed recovery (${again.recovered.map((n) => n.file).join(', ')})`);
      if (acknowledged && !save.holds(again, mine)) {
        result.lost++;
        result.problems.push(`${save.name}, ${faulty.state.injected} failing: the acknowledged save is missing after a reopen`);
      }
      await again.close();
    }
  }
  return result;
}

export const faultsFigure = (r: FaultResult) => `faults: injected ${r.injected} lost ${r.lost} wrong-message ${r.wrongMessage}`;
