import { test, expect } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost } from '../host';
import { ReaderPage } from '../pages/reader-page';

const CORPUS = join(import.meta.dirname, '..', '..', 'fixtures', 'corpus');
/** From tests/fixtures/corpus/peel-2023-25-harrowfield.expected.json (written by reading the document): 10 graded areas, 8 findings. */
const HARROWFIELD = {
  file: 'peel-2023-25-harrowfield.pdf',
  summary: '8 findings and 10 grades found',
  finding: 'The force should make sure that officers record the grounds for every stop and search in enough detail for supervisors to assess whether they were reasonable.',
};

test.use({ viewport: { width: 1366, height: 768 } });

test('a 2023–25 PEEL report as PDF: the import says what it found, and the page view marks a finding on its page', async ({ page }) => {
  const host = await startHost(await mkdtemp(join(tmpdir(), 'liaison-e2e-')));
  const reader = new ReaderPage(page);
  await page.goto(host.openUrl);
  await page.getByTestId('import-input').setInputFiles(join(CORPUS, HARROWFIELD.file));
  // Shown in the toast (and said in the live region for screen readers).
  await expect(page.getByText(`Imported ${HARROWFIELD.file}: ${HARROWFIELD.summary}`).first()).toBeVisible();

  await page.getByTestId('reports-table').getByRole('row').filter({ hasText: HARROWFIELD.file }).click();
  await expect(reader.outline()).toBeVisible();
  await reader.openPageView();
  await reader.finding(HARROWFIELD.finding).getByRole('button').first().click();
  // Marked on the page over its words, and the same words active in the text.
  await expect(reader.pageView().locator('[data-active][data-kind="area-for-improvement"]').first()).toBeVisible();
  await expect(reader.activeHighlight()).toHaveText(HARROWFIELD.finding);
  await host.stop();
});
