import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_NAME = 'Liaison Desk';

/** The project folder: two levels above this file both in src/main (tsx) and in out/main (the build). */
export const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const samplesDir = (root = projectRoot) => join(root, 'resources', 'samples');
export const rendererDir = (root = projectRoot) => join(root, 'out', 'renderer');

/** Electron's userData folder for this app, worked out without Electron so the CLI opens the same store. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

/** `--data-dir DIR` (or `--data-dir=DIR`) wins over LIAISON_DATA_DIR, which wins over the default. */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, fallback = defaultDataDir(env)): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data-dir' && argv[i + 1]) return resolve(argv[i + 1]!);
    if (arg.startsWith('--data-dir=')) return resolve(arg.slice('--data-dir='.length));
  }
  return env.LIAISON_DATA_DIR ? resolve(env.LIAISON_DATA_DIR) : fallback;
}
