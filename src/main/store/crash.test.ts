import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { crashFigure, runCrashTest } from '../../../tests/soak/crash-test';

const tempDir = useTempDirs();

describe('the store under SIGKILL', () => {
  it('opens, validates and holds every acknowledged write after each of 15 kills', async () => {
    const result = await runCrashTest({ dir: await tempDir(), kills: 15 });
    process.stdout.write(`${crashFigure(result)}\n`);
    expect(result.problems).toEqual([]);
    expect(result.kills).toBe(15);
    expect(result.acknowledged).toBeGreaterThan(15);
    expect(result.recovered).toBe(0);
    expect(result.lost).toBe(0);
  }, 240_000);
});
