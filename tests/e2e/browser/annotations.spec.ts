import { test, expect, type Page } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, type RunningHost } from '../host';
import { AppPage } from '../pages/app-page';
import { ReaderPage } from '../pages/reader-page';

/** A sentence of the 2016 web report, read from tests/fixtures/peel-2016-legitimacy-web-report.txt (line 56). */
const PASSAGE =
  'The joint professional standards department (PSD), which includes the anti-corruption unit (ACU) and vetting unit, is currently the subject of an improvement plan, resulting from the collapse of a serious gross misconduct court case due to concerns about the quality of the investigation.';
const NOTE = 'Parkside reality testing: detention officers unsure how vetting appeals work';

const annotationText = (page: Page) =>
  page.locator('mark[data-kind="annotation"]').evaluateAll((marks) => marks.map((m) => m.textContent ?? '').join(''));

async function openReport(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('row', { name: title }).click();
  await expect(page.getByTestId('source-text')).toBeVisible();
}

test('annotate a passage, restart, it is still highlighted; quick note survives a restart and is found by search', async ({ page }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'liaison-e2e-'));
  let host: RunningHost = await startHost(dataDir);
  const app = new AppPage(page);
  await page.goto(host.openUrl);
  await app.loadSamples();

  await openReport(page, /Cambridgeshire PEEL 2016/);
  await new ReaderPage(page).selectPassage(PASSAGE);
  await page.keyboard.press('Control+Shift+A');
  const dialog = page.getByRole('dialog', { name: 'Annotate passage' });
  await expect(dialog.getByLabel('Selected passage')).toHaveText(PASSAGE);
  await dialog.getByLabel('Note').fill('Ask the new head of PSD for the improvement plan and its action log');
  await dialog.getByLabel('Tags').fill('interview, PSD');
  await dialog.getByRole('radio', { name: 'Green' }).check();
  await dialog.getByRole('button', { name: 'Save annotation' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => annotationText(page)).toBe(PASSAGE);

  await host.stop();
  host = await startHost(dataDir);
  await page.goto(host.openUrl);
  await openReport(page, /Cambridgeshire PEEL 2016/);
  await expect.poll(() => annotationText(page)).toBe(PASSAGE);
  const mark = page.locator('mark[data-kind="annotation"]').first();
  await expect(mark).toHaveCSS('background-color', 'rgb(200, 230, 201)');
  await page.getByRole('tab', { name: 'Annotations' }).click();
  const list = page.getByTestId('annotations-list');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Ask the new head of PSD for the improvement plan');
  await expect(list).toContainText('Green · interview, PSD');
  // Choosing it in the list brings its passage into view.
  await list.getByRole('button', { name: /The joint professional standards department/ }).click();
  await expect(page.locator('mark[data-kind="annotation"]').first()).toBeInViewport();
  await page.screenshot({ path: 'test-results/screenshots/reader-annotations.png' });

  // Delete, then undo from the keyboard.
  await list.getByRole('button', { name: 'Delete' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(0);
  await page.getByRole('heading', { name: /Annotations/ }).click();
  await page.keyboard.press('Control+z');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect.poll(() => annotationText(page)).toBe(PASSAGE);

  // Quick capture from the reader: linked to the open report, saved as it is typed.
  await page.keyboard.press('Control+Shift+N');
  const capture = page.getByRole('dialog', { name: 'Quick note' });
  await expect(capture.getByRole('textbox', { name: /^Note of / })).toBeFocused();
  await page.keyboard.type(NOTE);
  await capture.getByRole('button', { name: 'hot debrief' }).click();
  await expect(capture.getByRole('status')).toHaveText('Saved', { timeout: 2000 });
  await page.waitForTimeout(1000);
  // The window and the host go away with the dialog still open: nothing was lost.
  await host.stop();
  host = await startHost(dataDir);
  await page.goto(host.openUrl);
  await app.open('Notes');
  const notes = page.getByTestId('notes-list');
  await expect(notes.getByRole('listitem')).toHaveCount(1);
  await expect(notes.getByRole('textbox', { name: /^Note of / })).toHaveValue(NOTE);
  await expect(notes.getByRole('button', { name: 'hot debrief' })).toHaveAttribute('aria-pressed', 'true');
  await expect(notes.getByRole('combobox', { name: 'Linked report' })).toHaveValue(/.+/);
  await expect(notes.getByText(/^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}$/)).toBeVisible();
  expect(await app.seriousA11yViolations(), 'Notes page').toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/notes.png' });

  // Search finds the note as the officer types; Enter opens it.
  await app.open('Reports');
  await page.keyboard.press('Control+k');
  const search = page.getByRole('combobox', { name: 'Search' });
  await expect(search).toBeFocused();
  await page.keyboard.type('parksid');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect(results.getByRole('group', { name: 'Notes' }).getByRole('option')).toHaveCount(1);
  await expect(results.getByRole('option').first()).toContainText('Parkside reality testing');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Notes' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^Note of / })).toBeFocused();

  await search.fill('vetting');
  await expect(results.getByRole('group', { name: 'Findings' }).getByRole('option').first()).toBeVisible();
  await expect(results.getByRole('group', { name: 'Annotations' }).getByRole('option')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screenshots/search.png' });
  expect(await app.seriousA11yViolations(), 'search results open').toEqual([]);
  await page.keyboard.press('ArrowDown');
  await search.press('Escape');
  await expect(results).toBeHidden();
  await host.stop();
});
