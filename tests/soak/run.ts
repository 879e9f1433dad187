import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crashFigure, runCrashTest } from './crash-test';
import { faultsFigure, runFaultInjection } from './fault-injection';

/** `npm run soak`: the long crash test, 200 kills of a writing process; then every file-system call of a save made to fail once in turn. */
const kills = Number(process.env.SOAK_KILLS ?? 200);
const dir = await mkdtemp(join(tmpdir(), 'liaison-soak-'));
try {
  const started = Date.now();
  const result = await runCrashTest({
    dir,
    kills,
    onKill: (done) => {
      if (done % 20 === 0) process.stderr.write(`soak: ${done} of ${kills} kills, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    },
  });
  for (const problem of result.problems) process.stdout.write(`${problem}\n`);
  process.stdout.write(`soak: recovered files ${result.recovered}\n`);
  process.stdout.write(`${crashFigure(result)}\n`);
  const faultDir = await mkdtemp(join(tmpdir(), 'liaison-faults-'));
  const faults = await runFaultInjection(faultDir).finally(() => rm(faultDir, { recursive: true, force: true }));
  for (const problem of faults.problems) process.stdout.write(`${problem}\n`);
  process.stdout.write(`${faultsFigure(faults)}\n`);
  process.exitCode = result.lost || result.problems.length || faults.lost || faults.wrongMessage || faults.problems.length ? 1 : 0;
} finally {
  await rm(dir, { recursive: true, force: true });
}
