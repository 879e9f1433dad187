import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { cli } from '../../../tests/helpers/cli';
import { FIXTURES } from '../../../tests/helpers/fixtures';

const tempDir = useTempDirs();
const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Runs the CLI as `liaison … | head -1` does: the reader takes the first line and closes the pipe. */
function runIntoHead(args: string[]): Promise<{ code: number | null; firstLine: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main/cli/index.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let firstLine = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      if (firstLine) return;
      firstLine = chunk.toString().split('\n')[0] ?? '';
      child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, firstLine, stderr }));
  });
}

describe('the CLI piped into a reader that stops early', () => {
  it('ends quietly when the pipe closes (liaison search "vett" | head)', async () => {
    const dataDir = await tempDir();
    await cli(['import', join(FIXTURES, 'peel-2016-legitimacy-web-report.txt'), join(FIXTURES, 'peel-2018-19-integrated-report.txt'), '--data-dir', dataDir]);
    // Fifty hits of three lines each: far more than the first line the reader wants.
    const run = await runIntoHead(['search', 'vett', '--limit', '50', '--data-dir', dataDir]);
    expect(run.firstLine).toMatch(/^finding {5}/);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});
