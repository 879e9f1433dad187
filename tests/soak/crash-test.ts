import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Store } from '../../src/main/store/repository';
import { makeReportDoc } from '../helpers/make-report';

export interface CrashTestResult {
  kills: number;
  acknowledged: number;
  lost: number;
  /** Files set aside at an open after a kill: with atomic writes there should be none. */
  recovered: number;
  /** Problems found, one line each (empty when nothing was lost). */
  problems: string[];
}

export interface CrashTestOptions {
  dir: string;
  kills: number;
  /** The longest time the writer runs after it is ready before it is killed. */
  maxRunMs?: number;
  random?: () => number;
  onKill?: (done: number) => void;
}

const WRITER = join(import.meta.dirname, 'crash-writer.ts');

interface Acknowledged {
  /** Sequence numbers of acknowledged report edits in this run, in order. */
  reportSeqs: number[];
  noteIds: string[];
}

/** Starts the writer, lets it write for a random moment, then kills it with SIGKILL mid-stride. */
async function writeThenKill(dir: string, run: number, reportId: string, runMs: number): Promise<Acknowledged> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, String(run), reportId], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acked: Acknowledged = { reportSeqs: [], noteIds: [] };
  let buffer = '';
  let stderr = '';
  let ready: () => void;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      const [kind, value = ''] = line.split(' ');
      if (kind === 'ready') ready();
      else if (kind === 'report') acked.reportSeqs.push(Number(value.split(':')[1]));
      else if (kind === 'note') acked.noteIds.push(value);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const outcome = await Promise.race([isReady.then(() => 'ready' as const), exited.then(() => 'exited' as const)]);
  if (outcome === 'exited') throw new Error(`the writer stopped before it was ready: ${stderr.trim()}`);
  await new Promise((resolve) => setTimeout(resolve, runMs));
  child.kill('SIGKILL');
  await exited;
  // Lines the writer printed before the kill may still sit in the pipe; 'exit' can come before the last 'data'.
  await new Promise((resolve) => setImmediate(resolve));
  return acked;
}

/**
 * Kills a writing process at random moments and checks, after each kill, that the store opens,
 * validates, and holds every write it acknowledged. A report edit is present when the stored value
 * is the last acknowledged one or a later one (the write in flight at the kill may or may not land).
 */
export async function runCrashTest({ dir, kills, maxRunMs = 400, random = Math.random, onKill }: CrashTestOptions): Promise<CrashTestResult> {
  const seed = await Store.open(dir);
  const sample = makeReportDoc();
  const reportId = sample.doc.report.id;
  await seed.addReport(sample.doc, sample.text, sample.source);
  await seed.close();

  const result: CrashTestResult = { kills: 0, acknowledged: 0, lost: 0, recovered: 0, problems: [] };
  for (let run = 0; run < kills; run++) {
    const acked = await writeThenKill(dir, run, reportId, Math.floor(random() * maxRunMs));
    result.kills++;
    result.acknowledged += acked.reportSeqs.length + acked.noteIds.length;

    let store: Store;
    try {
      store = await Store.open(dir, { skipDailyBackup: true });
    } catch (error) {
      result.problems.push(`run ${run}: the store did not open after the kill: ${(error as Error).message}`);
      result.lost += acked.reportSeqs.length + acked.noteIds.length;
      break;
    }
    try {
      result.recovered += store.recovered.length;
      for (const notice of store.recovered) result.problems.push(`run ${run}: ${notice.file} was set aside: ${notice.problem}`);
      const owner = store.reportDoc(reportId)?.findings[0]?.tracking.owner ?? '';
      const [ownerRun, ownerSeq] = owner.split(':').map(Number);
      const lastAcked = acked.reportSeqs.at(-1);
      if (lastAcked !== undefined && (ownerRun !== run || ownerSeq === undefined || ownerSeq < lastAcked)) {
        const missing = acked.reportSeqs.filter((seq) => ownerRun !== run || ownerSeq === undefined || seq > ownerSeq).length;
        result.lost += missing;
        result.problems.push(`run ${run}: the report holds "${owner}" but ${run}:${lastAcked} was acknowledged`);
      }
      for (const id of acked.noteIds) {
        if (store.note(id)) continue;
        result.lost++;
        result.problems.push(`run ${run}: acknowledged note ${id} is missing`);
      }
    } finally {
      await store.close();
    }
    onKill?.(result.kills);
  }
  return result;
}

export const crashFigure = (r: CrashTestResult) => `soak: kills ${r.kills} acknowledged ${r.acknowledged} lost ${r.lost}`;
