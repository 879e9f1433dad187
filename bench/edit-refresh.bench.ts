import type { CallName } from '../src/shared/api/contract';
import type { RegisterPage } from '../src/shared/domain/views';
import { openAppCore, type AppCore } from '../src/main/app';
import { downloadInstead } from '../src/main/http/download';
import { todayIso } from '../src/main/tracking/periods';
import { searchSettled, warmSearch } from '../src/main/services/search';
import { effectOf, type HeldRead, type Write } from '../src/renderer/hooks/freshness';
import { storeOf, workingCopy } from './cached-store';
import { median, percentile, type Print } from './stats';

const EDITS = 60;

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const WARM_UP = 5;

/**
 * The reads the open Findings screen holds, as RegisterTab and FindingsPage ask them (a panel open on a
 * finding), and those of the window around it: the reminder banner, the report labels, the officer's settings.
 */
function findingsScreen(register: Record<string, unknown>): Array<Omit<HeldRead, 'data'>> {
  return [
    { name: 'app.status', input: {} },
    { name: 'reminders.due', input: {} },
    { name: 'reports.list', input: { all: true } },
    { name: 'settings.get', input: {} },
    { name: 'findings.registerReports', input: {} },
    { name: 'findings.registerChoices', input: {} },
    { name: 'findings.register', input: { ...register, offset: 0, limit: 100 } },
  ];
}

async function ask(core: AppCore, name: CallName, input: unknown): Promise<{ value: unknown; bytes: number }> {
  const result = await core.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  // What a transport sends: the answer as JSON (the browser host) or a structured clone of the same (IPC).
  return { value: result.value, bytes: Buffer.byteLength(JSON.stringify(result)) };
}

const OPEN = new Set(['Not started', 'In progress']);

/** The first row from `start` on (wrapping round) whose status can be set directly. */
function nextOpenRow(page: RegisterPage, start: number): RegisterPage['rows'][number] {
  for (let k = 0; k < page.rows.length; k++) {
    const row = page.rows[(start + k) % page.rows.length]!;
    if (OPEN.has(row.finding.tracking.status)) return row;
  }
  throw new Error('the register window holds no open finding to edit');
}

/**
 * One tracking edit as the officer makes it in a finding's panel, then every read the window makes
 * because of it, through the real dispatcher with the renderer's own rules (freshness.ts): the edit's
 * answer patches what it can, the rest is read again.
 */
async function editsOn(core: AppCore, register: Record<string, unknown>) {
  const held: HeldRead[] = [];
  for (const read of findingsScreen(register)) held.push({ ...read, data: (await ask(core, read.name, read.input)).value });
  const page = held.find((h) => h.name === 'findings.register')!.data as RegisterPage;
  const times: number[] = [];
  const bytes: number[] = [];
  const today = todayIso();
  for (let i = 0; i < EDITS + WARM_UP; i++) {
    // A status is set directly only between Not started and In progress (the rest go through the finding's
    // lifecycle, see tracking/lifecycle.ts): a status edit takes the next open row and moves it to the other one.
    const statusEdit = i % 4 === 1;
    const row = statusEdit ? nextOpenRow(page, (i * 7) % page.rows.length) : page.rows[(i * 7) % page.rows.length]!;
    const panel: HeldRead = { name: 'findings.get', input: { id: row.finding.id }, data: (await ask(core, 'findings.get', { id: row.finding.id })).value };
    const changes = [
      { owner: `Supt Owner ${i}` },
      { status: row.finding.tracking.status === 'Not started' ? 'In progress' : 'Not started' },
      { due: `2026-0${1 + (i % 9)}-15` },
      { rag: (['Red', 'Amber', 'Green'] as const)[i % 3] },
    ][i % 4]!;
    const input = { id: row.finding.id, ...changes };
    const start = performance.now();
    const edit = await ask(core, 'findings.update', input);
    const write: Write = { name: 'findings.update', input, output: edit.value };
    let sent = edit.bytes;
    const reads = [...held, panel];
    const refetched = await Promise.all(
      reads.map(async (read) => {
        const effect = effectOf(write, read, today);
        if (effect?.data !== undefined) read.data = effect.data;
        if (!effect?.refetch) return 0;
        const answer = await ask(core, read.name, read.input);
        read.data = answer.value;
        return answer.bytes;
      }),
    );
    sent += refetched.reduce((a, b) => a + b, 0);
    if (i >= WARM_UP) {
      times.push(performance.now() - start);
      bytes.push(sent);
    }
  }
  return { times, bytes };
}

/** `scale.<n>.edit-refresh.*` for stores of 500 and 5,000 reports (generated once and cached; see cached-store.ts). */
export async function run(print: Print): Promise<void> {
  // LIAISON_BENCH_SIZES=500 runs the small store only, while working on it.
  const sizes = (process.env.LIAISON_BENCH_SIZES ?? '500,5000').split(',').map(Number);
  for (const reports of sizes) {
    const copy = await workingCopy(storeOf(reports));
    const core = await openAppCore(copy.dir, { transport: 'ipc', saveFile: downloadInstead }, { skipDailyBackup: true });
    try {
      // As in the app: the search index is live, and every save re-indexes what it changed. The store opened
      // as it was left (its heads and indexes kept beside it): once they are current, the edits begin.
      await warmSearch(core.store);
      await searchSettled(core.store);
      // The register as it opens: every finding, report by report.
      const plain = await editsOn(core, { filter: {}, sort: { by: 'report', dir: 'asc' } });
      print(`scale.${reports}.edit-refresh.median`, median(plain.times), 'ms');
      print(`scale.${reports}.edit-refresh.p95`, percentile(plain.times, 95), 'ms');
      print(`scale.${reports}.edit-refresh.bytes`, mean(plain.bytes), 'bytes');
      // Filtered by open statuses and sorted by owner: most edits move rows, so the window is read again.
      const filtered = await editsOn(core, { filter: { status: ['Not started', 'In progress'] }, sort: { by: 'owner', dir: 'asc' } });
      print(`scale.${reports}.edit-refresh.filtered.median`, median(filtered.times), 'ms');
      print(`scale.${reports}.edit-refresh.filtered.bytes`, mean(filtered.bytes), 'bytes');
    } finally {
      await core.close();
      await copy.remove();
    }
  }
}
