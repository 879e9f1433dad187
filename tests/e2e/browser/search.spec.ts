import { test, expect } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost } from '../host';
import { AppPage } from '../pages/app-page';

test('a word only in a report’s text is found as the officer types, and opens the report at its passage', async ({ page }) => {
  // The reader of a 128 KB report is a large page for the accessibility check.
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const host = await startHost(await mkdtemp(join(tmpdir(), 'liaison-e2e-')));
  const app = new AppPage(page);
  await page.goto(host.openUrl);
  await app.loadSamples();

  await page.keyboard.press('Control+k');
  await page.keyboard.type('flagsto');
  const results = page.getByRole('listbox', { name: 'Search results' });
  // "Flagstone" is in one paragraph of the 2018/19 report (tests/fixtures/peel-2018-19-integrated-report.txt, line 854) and nowhere else.
  const texts = results.getByRole('group', { name: 'In report texts' }).getByRole('option');
  await expect(texts).toHaveCount(1);
  await expect(texts.first()).toContainText('Flagstone records');
  await expect(texts.first()).toContainText('2018/19');
  expect(await app.seriousA11yViolations(), 'search results with a text hit').toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/search-text-hit.png' });

  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('2018/19');
  const passage = page.locator('mark[data-kind="passage"]');
  await expect(passage.first()).toBeVisible();
  const marked = await passage.evaluateAll((marks) => marks.map((m) => m.textContent ?? '').join(''));
  expect(marked).toContain('Flagstone records');
  expect(marked).toContain('The force routinely complies with this requirement.');
  expect(await app.seriousA11yViolations(), 'report opened at a passage').toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/report-at-passage.png' });
  await host.stop();
});
