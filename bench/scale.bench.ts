import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { copyFile, rename } from 'node:fs/promises';
import { build } from 'esbuild';
import { cachedStore, storeOf } from './cached-store';
import { median, percentile, type Print } from './stats';

const ROOT = join(import.meta.dirname, '..');
/** Two folders below the project, like the app's own build (out/main), so the code finds package.json as it does there. */
const OUT = join(ROOT, 'out', 'bench');
const CHILD = join(OUT, 'scale-child.mjs');

/**
 * The child is bundled first, as electron-vite bundles the app (dependencies left to node_modules,
 * modules imported on demand in chunks of their own), so the figures time the app starting and
 * answering, not TypeScript being compiled (what `tsx` would add to every start). The workers the app
 * starts are bundled beside it, as in the built app (out/main/import-worker.js, backup-worker.js and
 * pdf-worker.mjs), so the day's backup is made as the app makes it.
 */
async function bundleChild(): Promise<void> {
  await rm(OUT, { recursive: true, force: true });
  await build({
    entryPoints: {
      'scale-child': join(import.meta.dirname, 'scale-child.ts'),
      'import-worker': join(ROOT, 'src/main/ingest/import-worker.ts'),
      'backup-worker': join(ROOT, 'src/main/store/backup-worker.ts'),
    },
    outdir: OUT,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  // src/main/workers/spawn.ts starts `<name>.js` from beside its own module.
  for (const worker of ['import-worker', 'backup-worker']) await rename(join(OUT, `${worker}.mjs`), join(OUT, `${worker}.js`));
  for (const file of ['pdf-worker.mjs', 'pdf-text.mjs']) await copyFile(join(ROOT, 'src/main/ingest', file), join(OUT, file));
}

interface Run {
  /** Milliseconds from starting the process to each milestone line. */
  at: Map<string, number>;
  /** What each line said after its name. */
  said: Map<string, string>;
}

/** Starts the bundled app on a data folder and notes when each milestone line arrives. */
function runChild(dir: string, mode: 'first-screen' | 'full'): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CHILD, dir, mode], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const run: Run = { at: new Map(), said: new Map() };
    let buffer = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const now = performance.now() - started;
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [name = '', ...rest] = line.split(' ');
        run.at.set(name, now);
        run.said.set(name, rest.join(' '));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(run) : reject(new Error(`the app stopped with ${code}: ${stderr.trim()}`))));
  });
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * What an officer waits for with 500 and with 5,000 reports (per report 20 findings, 20 annotations,
 * 100 notes and a 128 KB text), each in a fresh process started as the app starts.
 */
export async function run(print: Print): Promise<void> {
  await bundleChild();
  for (const reports of [500, 5000]) {
    const dir = await cachedStore(storeOf(reports));
    const name = (figure: string) => `scale.${reports}.${figure}`;
    // The first start of a day: no backup of today yet (it is written after the first screen).
    await rm(join(dir, 'backups', `backup-${today()}.ldarchive`), { force: true });
    const firstOfDay = await runChild(dir, 'first-screen');
    print(name('first-screen.first-of-day'), firstOfDay.at.get('first-screen')!, 'ms');

    const full = await runChild(dir, 'full');
    print(name('first-screen'), full.at.get('first-screen')!, 'ms');
    print(name('search-ready'), full.at.get('search-ready')!, 'ms');
    print(name('loaded'), full.at.get('settled')!, 'ms');
    const keystrokes = JSON.parse(full.said.get('keystrokes')!) as number[];
    print(name('search-keystroke.median'), median(keystrokes), 'ms');
    print(name('search-keystroke.p95'), percentile(keystrokes, 95), 'ms');
    print(name('rss'), Number(full.said.get('rss')) / 1024 / 1024, 'MB');
  }
}
