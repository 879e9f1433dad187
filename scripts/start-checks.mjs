// What `npm start` needs before it can open the desktop app, as plain messages. Plain JavaScript that any
// Node can run, so even a Node too old for the rest of the project gets a sentence rather than a stack trace.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The oldest Node the build tools (electron-vite 6) and the browser build run on. */
export const MIN_NODE = '20.19.0';
/** The oldest Node Electron 45's download helper runs on: needed once, to fetch the Electron binary. */
export const MIN_NODE_FOR_ELECTRON_DOWNLOAD = '22.12.0';

export const SERVE_HINT = 'run the same app in a browser instead: `npm run serve` (it prints an address to open in Chromium, Edge or Firefox).';

/** -1, 0 or 1 as dotted version a is before, equal to or after b. */
export function compareVersions(a, b) {
  const pa = String(a).replace(/^v/, '').split('.').map(Number);
  const pb = String(b).replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] || 0) - (pb[i] || 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** Whether the Electron binary matching the installed electron package is in node_modules/electron/dist. */
export function electronInstalled(electronDir) {
  try {
    const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));
    const pathFile = join(electronDir, 'path.txt');
    if (!existsSync(pathFile)) return false;
    const executable = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    const installed = readFileSync(join(electronDir, 'dist', 'version'), 'utf8').trim().replace(/^v/, '');
    return existsSync(executable) && installed === version;
  } catch {
    return false;
  }
}

/**
 * What stands in the way of `npm start`: `stop` (a message; nothing can be done here), `download` (the
 * binary is missing but this Node can fetch it), or `ok`.
 */
export function checkStart({ nodeVersion, hasElectron }) {
  if (compareVersions(nodeVersion, MIN_NODE) < 0) {
    return {
      status: 'stop',
      message:
        `Liaison Desk needs Node.js ${MIN_NODE} or later; this is Node ${nodeVersion}. ` +
        `Install Node.js 22 LTS (${MIN_NODE_FOR_ELECTRON_DOWNLOAD} or later, which the desktop app needs), then run \`npm ci && npm start\` again.`,
    };
  }
  if (hasElectron) return { status: 'ok' };
  if (compareVersions(nodeVersion, MIN_NODE_FOR_ELECTRON_DOWNLOAD) < 0) {
    return {
      status: 'stop',
      message:
        'The Electron binary (the desktop shell) is not installed: `npm ci` does not download it, and Electron 45 fetches it ' +
        `only under Node.js ${MIN_NODE_FOR_ELECTRON_DOWNLOAD} or later; this is Node ${nodeVersion}. ` +
        `Install Node.js ${MIN_NODE_FOR_ELECTRON_DOWNLOAD} or later and run \`npm start\` again (it downloads Electron once, about 100 MB), or ${SERVE_HINT}`,
    };
  }
  return { status: 'download' };
}
