import { AppError } from '../../src/shared/api/result';

/** What the fuzz suite counts: every input tried, and those that crashed (anything but a clear AppError) or hung. */
export const fuzzTally = { inputs: 0, crashes: 0, hangs: 0 };

export const fuzzFigure = () => `fuzz: inputs ${fuzzTally.inputs} crashes ${fuzzTally.crashes} hangs ${fuzzTally.hangs}`;

/**
 * Runs one hostile input. It must resolve, or reject with an AppError whose message names the
 * problem, within `limitMs`. Returns a description of what went wrong, or null. A run that blocks
 * the event loop past the limit is still caught as a hang, by its elapsed time.
 */
export async function probe(label: string, run: () => Promise<unknown>, limitMs = 5000): Promise<string | null> {
  fuzzTally.inputs++;
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = Symbol('timeout');
  const outcome = await Promise.race([
    run().then(
      () => null,
      (error: unknown) => error,
    ),
    new Promise<typeof timedOut>((resolve) => (timer = setTimeout(() => resolve(timedOut), limitMs))),
  ]);
  clearTimeout(timer);
  const elapsed = performance.now() - started;
  if (outcome === timedOut || elapsed > limitMs) {
    fuzzTally.hangs++;
    return `${label}: took more than ${limitMs} ms (${Math.round(elapsed)} ms)`;
  }
  if (outcome === null) return null;
  if (outcome instanceof AppError && outcome.message.length >= 20) return null;
  fuzzTally.crashes++;
  return `${label}: ${outcome instanceof Error ? `${outcome.name}: ${outcome.message}` : String(outcome)}`.slice(0, 300);
}
