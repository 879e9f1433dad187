import { test, expect } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost } from '../host';
import { AppPage } from '../pages/app-page';
import { ReaderPage } from '../pages/reader-page';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const FAIRNESS = 'To what extent does the force treat all of the people it serves with fairness and respect?';
const ETHICS = 'How well does the force ensure that its workforce behaves ethically and lawfully?';
const WORKFORCE = 'To what extent does the force treat its workforce with fairness and respect?';
const FIRST_AFI = 'The force should improve how it identifies and understands the issues that have the greatest impact on public perceptions of fair and respectful treatment.';

test('the 2016 report in the reader: grades, a finding shown in the source, a correction that survives re-extraction', async ({ page }) => {
  const host = await startHost(await mkdtemp(join(tmpdir(), 'liaison-e2e-')));
  const app = new AppPage(page);
  const reader = new ReaderPage(page);
  await page.goto(host.openUrl);
  await app.loadSamples();
  await reader.openFromList('Open Cambridgeshire PEEL 2016');

  // From the web report: Legitimacy Good; the three questions Good, Requires improvement, Good.
  expect(await reader.gradeOf(/^Legitimacy/)).toBe('Good');
  expect(await reader.gradeOf(FAIRNESS)).toBe('Good');
  expect(await reader.gradeOf(ETHICS)).toBe('Requires improvement');
  expect(await reader.gradeOf(WORKFORCE)).toBe('Good');

  await reader.finding(FIRST_AFI).getByRole('button', { name: /Show in the source|AFI/ }).first().click();
  await expect(reader.activeHighlight()).toHaveText(FIRST_AFI);
  await expect(reader.activeHighlight()).toBeInViewport();

  // From the keyboard: Tab to the next finding's line and press Enter.
  const wellbeing = 'The force should ensure that its supervisors can recognise and provide support with wellbeing issues.';
  await reader.finding(wellbeing).getByRole('button').nth(0).focus();
  await page.keyboard.press('Enter');
  await expect(reader.activeHighlight()).toHaveText(wellbeing);

  await reader.correctGrade(WORKFORCE, 'Outstanding');
  expect(await reader.gradeOf(WORKFORCE)).toBe('Outstanding');
  const summary = await reader.reextract();
  expect(summary).toContain('9 found again');
  expect(await reader.gradeOf(WORKFORCE)).toBe('Outstanding');
  expect(await reader.gradeOf(ETHICS)).toBe('Requires improvement');

  expect(await app.seriousA11yViolations()).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/reader.png' });
  await host.stop();
});

test('a passage selected in the source becomes a finding anchored to it', async ({ page }) => {
  const host = await startHost(await mkdtemp(join(tmpdir(), 'liaison-e2e-')));
  const app = new AppPage(page);
  const reader = new ReaderPage(page);
  await page.goto(host.openUrl);
  await app.loadSamples();
  await reader.openFromList('Open Cambridgeshire PEEL 2016');
  const passage = 'The force needs to ensure that its acting and temporary ranks receive the training and support they need to deal with sickness management effectively.';
  await reader.selectPassage(passage);
  await page.getByRole('button', { name: 'Add finding from selection' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Text')).toHaveValue(passage);
  await dialog.getByRole('button', { name: 'Add finding' }).click();
  await expect(reader.finding(passage)).toContainText('Added by you');
  await expect(reader.activeHighlight()).toHaveText(passage);
  await host.stop();
});

test('importing the PDF report through the file input lists it, with a progress indicator while it reads', async ({ page }) => {
  const host = await startHost(await mkdtemp(join(tmpdir(), 'liaison-e2e-')));
  const app = new AppPage(page);
  const reader = new ReaderPage(page);
  await page.goto(host.openUrl);
  // Into an empty store: beside the samples' text of the same report it would ask first (newuser.spec.ts).
  await page.getByTestId('import-input').setInputFiles(join(FIXTURES, 'peel-2016-legitimacy-report.pdf'));
  await expect(page.getByTestId('import-progress')).toBeVisible();
  await expect(app.reportRows()).toHaveCount(2);
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  const row = page.getByTestId('reports-table').getByRole('row').filter({ hasText: 'peel-2016-legitimacy-report.pdf' });
  await expect(row).toContainText('Inspection report');
  await expect(row).toContainText('9');
  await row.click();
  expect(await reader.gradeOf(ETHICS)).toBe('Requires improvement');
  await expect(page.getByTestId('source-text').locator('[data-page="1"]')).toHaveText('Page 1');
  await host.stop();
});
