import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { HOST_BUNDLE } from './global-setup';
import { AppPage } from './pages/app-page';

export interface RunningHost {
  /** The address with the per-run token, as `npm run serve` prints it. */
  openUrl: string;
  stop(): Promise<void>;
}

/** The officer the suites work as, answering the first-start questions before the page opens. */
export const OFFICER = { userName: 'Jane Smith', userRole: 'HMICFRS Liaison Officer', contactOfficer: 'Jane Smith, HMICFRS Liaison Officer', profileSet: true };

/** Hosts still running: a test that fails never reaches its host.stop(), and its host must not outlive the run. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts the browser host (`src/main/serve.ts`, bundled by global-setup.ts) on a data folder, as `npm run serve` would, minus the build.
 * Unless `firstStart` is set, the officer has already said who they are (OFFICER), as on every start but the first.
 */
export async function startHost(dataDir: string, options: { firstStart?: boolean } = {}): Promise<RunningHost> {
  const child: ChildProcess = spawn(process.execPath, [HOST_BUNDLE, '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const openUrl = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`host did not start in time: ${stderr}`)), 30_000);
    child.stdout!.on('data', (c: Buffer) => {
      stdout += c.toString();
      const match = /open at (\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}: ${stderr}`));
    });
  });
  if (!options.firstStart) {
    const url = new URL(openUrl);
    const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
    const response = await fetch(`${url.origin}/api/settings.update`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ input: OFFICER }),
    });
    if (!response.ok) throw new Error(`could not set the officer: ${await response.text()}`);
  }
  return {
    openUrl,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * A host on a fresh store with the samples loaded, and a page of its own at `viewport`: for a spec whose tests
 * share one store (from beforeAll), instead of each starting a host and reading the samples again.
 */
export async function startWithSamples(browser: Browser, viewport: { width: number; height: number }): Promise<{ host: RunningHost; page: Page; app: AppPage }> {
  const host = await startHost(await mkdtemp(join(tmpdir(), 'liaison-e2e-')));
  const page = await browser.newPage({ viewport, locale: 'en-GB', timezoneId: 'Europe/London' });
  const app = new AppPage(page);
  await page.goto(host.openUrl);
  await app.loadSamples();
  return { host, page, app };
}
