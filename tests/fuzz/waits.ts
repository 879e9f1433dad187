import type { Result } from '../../src/shared/api/result';
import { fuzzTally } from './probe';

/** A call that waits longer than this while an import runs is a hang (issue 10's figure). */
export const HANG_MS = 100;

/**
 * Runs `work` while another call (`app.status`) is sent every 10 ms, and returns `work`'s outcome with
 * the longest any of those calls waited, counted from when it was due: a blocked event loop delays the
 * send itself, and that counts. Each wait past HANG_MS is counted in the fuzz tally's hangs.
 */
export async function timedAlongside<T>(call: (name: string, input: unknown) => Promise<Result<unknown>>, work: Promise<T>): Promise<{ outcome: T; longestWaitMs: number; calls: number }> {
  let running = true;
  let longest = 0;
  let calls = 0;
  // One call first, outside the count: the first call of a process pays for compiling its path.
  await call('app.status', {});
  const pinger = (async () => {
    let due = performance.now();
    while (running) {
      await call('app.status', {});
      const waited = performance.now() - due;
      calls++;
      longest = Math.max(longest, waited);
      if (waited > HANG_MS) fuzzTally.hangs++;
      due += 10;
      const now = performance.now();
      if (due < now) due = now;
      await new Promise((resolve) => setTimeout(resolve, due - now));
    }
  })();
  try {
    const outcome = await work;
    return { outcome, longestWaitMs: longest, calls };
  } finally {
    running = false;
    await pinger;
  }
}
