import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../src/main/store/repository';
import { updateTracking } from '../src/main/services/findings';
import { TeamServer } from '../tests/helpers/team-server';
import { TeamClient } from '../tests/helpers/team-client';
import { BENCH_STORE, generateStore } from './generate-store';
import { median, type Print } from './stats';

const SIZE = Number(process.env.SYNC_BENCH_REPORTS ?? BENCH_STORE.reports);

/**
 * Team working against pouchdb-server on loopback:
 * - `sync.initial-500`: turning team working on with the generated 500-report store (10,000 findings;
 *   its 50,000 notes and 10,000 annotations are private, so they stay), first upload to an empty team
 *   database, ms;
 * - `sync.edit-visible.median`: with both computers replicating continuously, a finding's owner
 *   changed on A until B's store holds it, median of 20, ms.
 */
export async function run(print: Print): Promise<void> {
  const server = await TeamServer.start();
  const dirs: string[] = [];
  const temp = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'liaison-bench-sync-'));
    dirs.push(dir);
    return dir;
  };
  try {
    await server.addUser('alice', 'alice-pw', ['officer', 'approver']);
    await server.addUser('bob', 'bob-pw');
    const remote = await server.createTeam('bench');
    await server.installRules('bench');

    const dirA = await temp();
    await generateStore(dirA, { ...BENCH_STORE, reports: SIZE, findings: SIZE * 20, notes: SIZE * 100, annotations: SIZE * 20 });
    const a = await TeamClient.open(dirA, remote, 'alice', 'alice-pw', 'Alice');
    const started = performance.now();
    const first = await a.sync();
    print(`sync.initial-${SIZE}`, performance.now() - started, 'ms');
    process.stderr.write(`sync bench: first upload sent ${first.pushed} documents\n`);

    // The second computer joins a smaller team database, so the bench measures the edit, not the join.
    const small = await server.createTeam('bench-edit');
    await server.installRules('bench-edit');
    const dirC = await temp();
    await generateStore(dirC, { reports: 20, findings: 400, notes: 100, annotations: 40 });
    const c = await TeamClient.open(dirC, small, 'alice', 'alice-pw', 'Alice');
    await c.sync();
    const b = await TeamClient.open(await temp(), small, 'bob', 'bob-pw', 'Bob');
    await b.sync();
    await c.engine.startLive();
    await b.engine.startLive();
    const findings = c.store.allReportDocs().flatMap((d) => d.findings.map((f) => f.id));
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const id = findings[i * 7]!;
      const owner = `Supt Bench ${i}`;
      const t0 = performance.now();
      await updateTracking(c.store, id, { owner }, new Date().toISOString());
      while (b.finding(id)?.tracking.owner !== owner) {
        if (performance.now() - t0 > 30_000) throw new Error('an edit did not reach the other computer in 30 s');
        await new Promise((r) => setTimeout(r, 5));
      }
      times.push(performance.now() - t0);
    }
    print('sync.edit-visible.median', median(times), 'ms');
    for (const client of [a, b, c]) await client.close();
  } finally {
    await server.stop();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }
}

export { Store };
