import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { faultsFigure, runFaultInjection } from '../../../tests/soak/fault-injection';

const tempDir = useTempDirs();

describe('every file-system call of a save, made to fail once in turn', () => {
  it('never loses an acknowledged write, and every failure says one of the documented sentences', async () => {
    const result = await runFaultInjection(await tempDir());
    process.stdout.write(`${faultsFigure(result)}\n`);
    expect(result.problems).toEqual([]);
    // Four kinds of save, at least eight calls each (an import writes three files).
    expect(result.injected).toBeGreaterThanOrEqual(32);
    expect(result.lost).toBe(0);
    expect(result.wrongMessage).toBe(0);
  }, 120_000);
});
