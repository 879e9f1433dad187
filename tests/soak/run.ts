import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crashFigure, runCrashTest } from './crash-test';

/** `npm run soak`: the long crash test, 200 kills of a writing process. */
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
  process.exitCode = result.lost || result.problems.length ? 1 : 0;
} finally {
  await rm(dir, { recursive: true, force: true });
}
