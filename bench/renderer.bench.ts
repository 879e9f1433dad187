import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM } from '../playwright.config';
import bundleHost from '../tests/e2e/global-setup';
import { startHost } from '../tests/e2e/host';
import { storeOf, workingCopy } from './cached-store';
import { median, type Print } from './stats';

const ROOT = join(import.meta.dirname, '..');
const RUNS = 9;

/** The newest change under a folder, in ms since the epoch. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** The benchmark measures the renderer as built: build it first when the sources are newer. */
function ensureBuilt(): void {
  const built = join(ROOT, 'out', 'renderer', 'index.html');
  const sources = Math.max(newest(join(ROOT, 'src', 'renderer')), newest(join(ROOT, 'src', 'shared')), statSync(join(ROOT, 'electron.vite.config.ts')).mtimeMs);
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'ignore' });
}

/** In the page before anything else: the time of the first frame drawn with a row of the reports table in it. */
const PAINT_WATCH = `
  window.__firstTable = new Promise((resolve) => {
    const look = () => {
      if (document.querySelector('[data-testid="reports-table"] tbody tr[data-index]')) requestAnimationFrame(() => resolve(performance.now()));
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
`;

/** A search answered means the host's index is built. */
const SEARCH_ONCE = `fetch('/api/search.query', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + sessionStorage.getItem('liaison-token') },
  body: JSON.stringify({ input: { q: 'vetting' } }),
}).then((r) => r.status)`;

/** The script the page loaded, unpacked. */
const SCRIPT_BYTES = `performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js')).reduce((sum, r) => sum + r.decodedBodySize, 0)`;

/**
 * `renderer.first-table`: headless Chromium opens the browser host on a 500-report store, and the time
 * from the start of the navigation to the first frame that shows the reports table is taken in the
 * page (performance.now() counts from the navigation). The host is left to finish its start-up work
 * (the search index) first, so the figure is the window's own. Also the DOM the reports page holds and
 * the script it loads.
 */
export async function run(print: Print): Promise<void> {
  ensureBuilt();
  // The browser host as the end-to-end tests start it (bundled beside the build, which a build empties).
  bundleHost();
  const copy = await workingCopy(storeOf(500));
  const host = await startHost(copy.dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const times: number[] = [];
    let nodes = 0;
    let scriptKb = 0;
    for (let run = 0; run <= RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
      const page = await context.newPage();
      // The host may still be busy with its start-up work on the first run; the time is taken in the page.
      page.setDefaultTimeout(180_000);
      await page.addInitScript(PAINT_WATCH);
      if (run === 0) {
        // Wait for the host's search index (built in the background at start) before the runs that count.
        await page.goto(host.openUrl);
        await page.evaluate(SEARCH_ONCE);
      } else {
        await page.goto(host.openUrl);
      }
      const painted = (await page.evaluate('window.__firstTable')) as number;
      if (run > 0) times.push(painted);
      if (run === RUNS) {
        nodes = (await page.evaluate("document.getElementsByTagName('*').length")) as number;
        scriptKb = (await page.evaluate(SCRIPT_BYTES)) as number / 1024;
      }
      await context.close();
    }
    print('renderer.first-table', median(times), 'ms');
    print('renderer.reports-dom-nodes', nodes, 'nodes');
    print('renderer.first-screen-script', scriptKb, 'KB');
  } finally {
    await browser.close();
    await host.stop();
    await copy.remove();
  }
}
