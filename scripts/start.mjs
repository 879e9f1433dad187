#!/usr/bin/env node
// `npm start`: checks that the desktop app can run here (the Node version, the Electron binary) and says
// plainly what is missing, pointing to `npm run serve`; then builds and opens the app (electron-vite preview).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { checkStart, electronInstalled, SERVE_HINT } from './start-checks.mjs';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const electronDir = join(root, 'node_modules', 'electron');
const say = (text) => process.stderr.write(`\nliaison start: ${text}\n\n`);

const check = checkStart({
  nodeVersion: process.versions.node,
  hasElectron: Boolean(process.env.ELECTRON_OVERRIDE_DIST_PATH) || electronInstalled(electronDir),
});
if (check.status === 'stop') {
  say(check.message);
  process.exit(1);
}
if (check.status === 'download') {
  process.stderr.write('liaison start: downloading the Electron binary (once)…\n');
  const download = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
  if (download.status !== 0 || !electronInstalled(electronDir)) {
    say(`The Electron binary could not be downloaded (is this computer offline, or behind a proxy?). Try again when online, or ${SERVE_HINT}`);
    process.exit(1);
  }
}
const preview = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'preview', ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(preview.status ?? 1);
