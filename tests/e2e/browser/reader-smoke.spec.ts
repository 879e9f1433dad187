import { test, expect } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost } from '../host';
import { AppPage } from '../pages/app-page';
import { ReaderPage } from '../pages/reader-page';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

test('smoke', async ({ page }) => {
  const host = await startHost(await mkdtemp(join(tmpdir(), 'liaison-e2e-')));
  const app = new AppPage(page);
  const reader = new ReaderPage(page);
  page.on('console', (m) => console.log('console:', m.type(), m.text()));
  page.on('response', (r) => r.status() >= 400 && console.log('http', r.status(), r.url()));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.openUrl);
  await app.loadSamples();
  await reader.openFromList(/2018\/19/);
  await page.screenshot({ path: 'test-results/screenshots/smoke-1819.png' });
  await page.getByTestId('source-text').getByRole('heading', { name: 'Overall summary' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/smoke-1819-table.png' });
  await app.open('Reports');
  await page.getByTestId('import-input').setInputFiles(join(FIXTURES, 'peel-2016-legitimacy-report.pdf'));
  await page.getByTestId('reports-table').getByRole('row').filter({ hasText: 'peel-2016-legitimacy-report.pdf' }).click();
  await page.getByRole('button', { name: 'Page view' }).click();
  await expect(page.getByTestId('pdf-text-layer').locator('span').first()).toBeVisible();
  await reader.finding(/supervisors can recognise/).getByRole('button').first().click();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: 'test-results/screenshots/smoke-pdf.png' });
  console.log(await page.evaluate(() => [...document.body.children].map((e) => `${e.tagName}.${e.className} ${JSON.stringify(e.getBoundingClientRect())} ${getComputedStyle(e).display}`).join('\n')));
  await host.stop();
});
