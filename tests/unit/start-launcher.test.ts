import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStart, compareVersions, electronInstalled } from '../../scripts/start-checks.mjs';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const ROOT = join(import.meta.dirname, '..', '..');

describe('npm start', () => {
  it('says plainly that Node is too old, and which one to install', () => {
    const check = checkStart({ nodeVersion: '18.20.4', hasElectron: true });
    expect(check).toMatchObject({ status: 'stop' });
    expect('message' in check && check.message).toMatch(/needs Node\.js 20\.19\.0 or later; this is Node 18\.20\.4\. Install Node\.js 22 LTS/);
  });

  it('says the Electron binary is missing and points to npm run serve when this Node cannot fetch it', () => {
    const check = checkStart({ nodeVersion: '20.20.2', hasElectron: false });
    expect(check).toMatchObject({ status: 'stop' });
    expect('message' in check && check.message).toMatch(/The Electron binary .* is not installed/);
    expect('message' in check && check.message).toContain('`npm run serve`');
    expect(checkStart({ nodeVersion: '22.12.0', hasElectron: false })).toEqual({ status: 'download' });
    expect(checkStart({ nodeVersion: '20.19.0', hasElectron: true })).toEqual({ status: 'ok' });
  });

  it('knows the binary is there only when dist holds the version the package names', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'dist'));
    await writeFile(join(dir, 'package.json'), JSON.stringify({ version: '45.4.1' }));
    await writeFile(join(dir, 'path.txt'), 'electron');
    expect(electronInstalled(dir)).toBe(false);
    await writeFile(join(dir, 'dist', 'electron'), '');
    await writeFile(join(dir, 'dist', 'version'), 'v44.0.0');
    expect(electronInstalled(dir)).toBe(false);
    await writeFile(join(dir, 'dist', 'version'), 'v45.4.1');
    expect(electronInstalled(dir)).toBe(true);
  });

  // Only where it applies: without the binary, on a Node that cannot download it (our machines: Node 20).
  const applies = !electronInstalled(join(ROOT, 'node_modules', 'electron')) && compareVersions(process.versions.node, '22.12.0') < 0;
  it.runIf(applies)('on a machine with Node 20 and no Electron binary stops with that message and a non-zero exit, building nothing', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'start.mjs')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('liaison start: The Electron binary (the desktop shell) is not installed');
    expect(run.stderr).toContain('`npm run serve`');
    expect(run.stdout).toBe('');
  });
});
