import { test, expect } from '@playwright/test';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost } from '../host';
import { AppPage } from '../pages/app-page';

test('a report file damaged between starts is set aside, restored from the backup, and the banner says so', async ({ page }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'liaison-e2e-'));
  let host = await startHost(dataDir);
  const app = new AppPage(page);
  await page.goto(host.openUrl);
  await app.loadSamples();
  await host.stop();

  const [name] = (await readdir(join(dataDir, 'reports'))).sort();
  const file = join(dataDir, 'reports', name!);
  const title = (JSON.parse(await readFile(file, 'utf8')) as { report: { title: string } }).report.title;
  await writeFile(file, (await readFile(file, 'utf8')).slice(0, 200));

  host = await startHost(dataDir);
  await page.goto(host.openUrl);
  const banner = page.getByTestId('recovery-banner');
  await expect(banner).toContainText('Some stored data was damaged and has been recovered');
  await expect(banner).toContainText(`reports/${name}: the file is not valid JSON`);
  await expect(banner).toContainText(`The damaged file was set aside as set-aside/reports__${name}.`);
  await expect(banner).toContainText(/the last good copy was restored from backup-\d{4}-\d{2}-\d{2}\.ldarchive\./);
  await expect(app.reportRows()).toHaveCount(6);
  expect((await app.reportTitles()).filter((t) => t.startsWith(title))).toHaveLength(1);
  expect(await app.seriousA11yViolations()).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/recovery-banner.png' });
  await host.stop();
});

test('export the whole store, then restore it into an empty data folder after confirming', async ({ page }) => {
  const first = await mkdtemp(join(tmpdir(), 'liaison-e2e-'));
  let host = await startHost(first);
  const app = new AppPage(page);
  await page.goto(host.openUrl);
  await app.loadSamples();
  await expect(app.reportRows()).toHaveCount(6);
  const titles = await app.reportTitles();
  await app.open('Settings');
  await expect(page.getByRole('heading', { level: 2, name: 'Backup and restore' })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the whole store…' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^liaison-desk-\d{4}-\d{2}-\d{2}\.ldarchive$/);
  const archive = join(first, '..', `${download.suggestedFilename()}`);
  await download.saveAs(archive);
  await expect(page.getByRole('status').filter({ hasText: 'The whole store was exported to' })).toBeVisible();
  await host.stop();

  host = await startHost(await mkdtemp(join(tmpdir(), 'liaison-e2e-')));
  await page.goto(host.openUrl);
  await expect(page.getByRole('heading', { name: 'No documents yet' })).toBeVisible();
  await app.open('Settings');
  await page.getByTestId('restore-input').setInputFiles(archive);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('will be replaced by the contents of this archive');
  await expect(dialog).toContainText('if any part of it is damaged, nothing changes');
  expect(await app.seriousA11yViolations()).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/restore-confirm.png' });
  await dialog.getByRole('button', { name: 'Replace my data with the archive' }).click();
  const restored = page.getByRole('status').filter({ hasText: 'Restored 5 reports' });
  await expect(restored).toContainText('set-aside/before-restore-');
  await restored.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/restore-done.png' });
  await app.open('Reports');
  await expect(app.reportRows()).toHaveCount(6);
  expect(await app.reportTitles()).toEqual(titles);
  await host.stop();
});

test('a damaged archive is refused with a clear message and the store is unchanged', async ({ page }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'liaison-e2e-'));
  const host = await startHost(dataDir);
  const app = new AppPage(page);
  await page.goto(host.openUrl);
  await app.loadSamples();
  const bad = join(dataDir, '..', 'damaged.ldarchive');
  await writeFile(bad, 'this is not an archive');
  await app.open('Settings');
  await page.getByTestId('restore-input').setInputFiles(bad);
  await page.getByRole('dialog').getByRole('button', { name: 'Replace my data with the archive' }).click();
  await expect(page.getByText('This archive is damaged: it is not valid gzip (it is not a Liaison Desk archive, or it was cut short). Nothing was changed.').first()).toBeVisible();
  await app.open('Reports');
  await expect(app.reportRows()).toHaveCount(6);
  await host.stop();
});
