import { test, expect } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { startHost } from '../host';
import { AppPage } from '../pages/app-page';

test('a fresh store: load the samples, see five documents, restart, they are still there', async ({ page }, testInfo) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'liaison-e2e-'));
  let host = await startHost(dataDir);
  const app = new AppPage(page);
  await page.goto(host.openUrl);

  await expect(page.getByRole('heading', { name: 'No documents yet' })).toBeVisible();
  await expect(page.getByText(`Data stored in ${dataDir}`)).toBeVisible();
  await app.loadSamples();
  await expect(app.reportRows()).toHaveCount(6); // header + five documents
  const titles = await app.reportTitles();
  expect(titles).toHaveLength(5);
  await page.screenshot({ path: testInfo.outputPath('reports-after-samples.png'), fullPage: true });
  await page.screenshot({ path: 'test-results/screenshots/reports.png' });

  await host.stop();
  host = await startHost(dataDir);
  await page.goto(host.openUrl);
  await expect(app.reportRows()).toHaveCount(6);
  expect(await app.reportTitles()).toEqual(titles);
  await host.stop();
});

test('every main screen passes axe with no serious or critical violations', async ({ page }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'liaison-e2e-'));
  const host = await startHost(dataDir);
  const app = new AppPage(page);
  await page.goto(host.openUrl);
  await app.loadSamples();
  for (const section of ['Reports', 'Findings', 'Board papers', 'Notes', 'Settings'] as const) {
    await app.open(section);
    expect(await app.seriousA11yViolations(), section).toEqual([]);
  }
  await host.stop();
});

test('the main sections are reachable from the keyboard', async ({ page }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'liaison-e2e-'));
  const host = await startHost(dataDir);
  await page.goto(host.openUrl);
  await page.keyboard.press('Control+5');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.keyboard.press('Control+1');
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  await host.stop();
});

test('a shortcut pressed before the window is first drawn is kept, not lost', async ({ page }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'liaison-e2e-'));
  const host = await startHost(dataDir);
  // A slow answer for the reports list holds the first drawing back (it waits up to 400 ms for the first
  // screen's answers); the page notes whether anything was drawn when the key came.
  await page.route('**/api/reports.list', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await route.continue();
  });
  await page.addInitScript(() => {
    window.addEventListener('keydown', () => ((window as { drawnAtKey?: boolean }).drawnAtKey ??= document.querySelector('#root > *') !== null), true);
  });
  await page.goto(host.openUrl);
  await page.keyboard.press('Control+5');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  expect(await page.evaluate(() => (window as { drawnAtKey?: boolean }).drawnAtKey), 'the key came before the first drawing').toBe(false);
  await host.stop();
});

test('a file over the import limit is refused with a message naming it, and nothing is stored', async ({ page }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'liaison-e2e-'));
  const host = await startHost(dataDir);
  await page.goto(host.openUrl);
  const huge = join(dataDir, '..', `${basename(dataDir)}-huge.pdf`);
  await writeFile(huge, Buffer.alloc(65 * 1024 * 1024));
  await page.getByTestId('import-input').setInputFiles(huge);
  await expect(page.locator('.fui-Toast').getByText(`${basename(huge)} is 65 MB; files over 64 MB cannot be imported.`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No documents yet' })).toBeVisible();
  await host.stop();
  await rm(huge);
});
