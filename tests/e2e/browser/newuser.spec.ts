import { test, expect, type Page } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost } from '../host';
import { AppPage } from '../pages/app-page';
import { lookAtBothSizes } from '../pages/layout';
import { FindingsPage } from '../pages/findings-page';
import { PapersPage } from '../pages/papers-page';
import { ReaderPage } from '../pages/reader-page';
import { ReportsPage } from '../pages/reports-page';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const REPORT_2016 = 'Cambridgeshire PEEL 2016';
const REPORT_2018 = 'PEEL: Police effectiveness, efficiency and legitimacy 2018/19';
/** The 2016 report's recommendation on vetting, word for word (tests/fixtures/peel-2016-legitimacy-web-report.txt). */
const VETTING_2016 = 'ensure it complies with all aspects of the current national guidelines for vetting';
const ETHICAL_2016 = 'How well does the force ensure that its workforce behaves ethically and lawfully?';

async function fresh(page: Page, options: { firstStart?: boolean; samples?: boolean } = {}) {
  const host = await startHost(await mkdtemp(join(tmpdir(), 'liaison-e2e-')), { firstStart: options.firstStart });
  const app = new AppPage(page);
  await page.goto(host.openUrl);
  if (options.samples !== false && !options.firstStart) await app.loadSamples();
  return { host, app, reports: new ReportsPage(page) };
}

test('first start asks who the officer is; the history and the bibliography then name them, not a role', async ({ page }) => {
  const { host, app } = await fresh(page, { firstStart: true });
  const dialog = page.getByRole('alertdialog', { name: 'Who is using Liaison Desk?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Your role')).toHaveValue('HMICFRS Liaison Officer');
  expect(await app.seriousA11yViolations(), 'first-start dialog').toEqual([]);
  await lookAtBothSizes(page, 'first-start');
  await dialog.getByRole('button', { name: 'Save and start' }).click();
  await expect(dialog.getByText('Type your name, e.g. Jane Smith.')).toBeVisible();
  await dialog.getByLabel('Your name').fill('Jane Smith');
  await dialog.getByLabel('Force').fill('Cambridgeshire Constabulary');
  await dialog.getByRole('button', { name: 'Save and start' }).click();
  await expect(dialog).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  await expect(dialog).toHaveCount(0);

  await app.open('Settings');
  await expect(page.getByLabel('Your name')).toHaveValue('Jane Smith');
  await expect(page.getByLabel('Contact officer')).toHaveValue('Jane Smith, HMICFRS Liaison Officer');
  await lookAtBothSizes(page, 'settings');

  await app.open('Reports');
  await app.loadSamples();
  await app.open('Findings');
  const findings = new FindingsPage(page);
  const panel = await findings.openFinding(VETTING_2016);
  await panel.getByLabel('Owner').fill('Head of PSD');
  await panel.getByLabel('Owner').press('Enter');
  await expect(panel.getByTestId('history-table')).toContainText('Jane Smith');
  await expect(panel.getByTestId('history-table')).not.toContainText('HMICFRS Liaison Officer');
  await findings.closePanel();

  await app.open('Board papers');
  await new PapersPage(page).create(REPORT_2016);
  await expect(page.getByTestId('paper-preview').locator('table')).toContainText('Jane Smith, HMICFRS Liaison Officer');
  await host.stop();
});

test('the same report in another format is recognised, kept as a version of one report, and clashing titles are told apart', async ({ page }) => {
  const { host, app, reports } = await fresh(page);
  expect(await reports.titles()).toHaveLength(5);

  await reports.importFiles(join(FIXTURES, 'peel-2018-19-integrated-report.pdf'));
  const question = reports.sameReportDialog();
  // Reading the 38-page PDF comes first.
  await expect(question).toContainText('peel-2018-19-integrated-report.pdf is another file of', { timeout: 60_000 });
  await expect(question).toContainText(REPORT_2018);
  await expect(question).toContainText('with 11 findings');
  expect(await app.seriousA11yViolations(), 'same-report question').toEqual([]);
  await lookAtBothSizes(page, 'same-report-question');
  await question.getByRole('radio', { name: 'Keep both, as versions of one report' }).check();
  await question.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('peel-2018-19-integrated-report.pdf kept as another version of').first()).toBeVisible();
  expect(await reports.titles()).toHaveLength(5);
  await expect(reports.row(REPORT_2018)).toContainText('and 1 other version');

  await reports.row(REPORT_2018).click();
  await page.getByRole('tab', { name: 'Details' }).click();
  const files = page.getByTestId('report-files');
  await expect(files).toContainText('peel-2018-19-integrated-report.pdf (PDF');
  await expect(files).toContainText('Findings are read from this file');
  await files.scrollIntoViewIfNeeded();
  expect(await app.seriousA11yViolations(), 'reader details').toEqual([]);
  await lookAtBothSizes(page, 'report-files');
  await page.getByRole('button', { name: 'All reports' }).click();

  // Told it is a different report, the Word copy of 2016 is imported beside it, and the two read apart.
  await reports.importFiles(join(FIXTURES, 'peel-2016-legitimacy-report.docx'));
  await reports.sameReportDialog().getByRole('radio', { name: 'It is a different report: import it separately' }).check();
  await reports.sameReportDialog().getByRole('button', { name: 'Continue' }).click();
  await expect(reports.row(`${REPORT_2016} — Cambridgeshire Constabulary · 2016 · inspection report · Word`)).toBeVisible();
  await expect(reports.row(`${REPORT_2016} — Cambridgeshire Constabulary · 2016 · inspection report · text`)).toBeVisible();
  await lookAtBothSizes(page, 'reports-list');

  await app.open('Findings');
  const grid = new FindingsPage(page).grid();
  await expect(grid.getByRole('gridcell', { name: '2016 — Cambridgeshire Constabulary · inspection report · Word' }).first()).toBeVisible();
  await app.open('Board papers');
  await page.getByRole('button', { name: 'New paper' }).click();
  const picker = page.getByRole('dialog', { name: 'New board paper' }).getByRole('combobox', { name: 'Report' });
  const options = await picker.locator('option').allTextContents();
  expect(options.filter((o) => o.startsWith(REPORT_2016))).toEqual([
    `${REPORT_2016} — Cambridgeshire Constabulary · 2016 · inspection report · text (published 8 December 2016)`,
    `${REPORT_2016} — Cambridgeshire Constabulary · 2016 · inspection report · Word (published 8 December 2016)`,
  ]);
  await lookAtBothSizes(page, 'new-paper-dialog');
  await host.stop();
});

test('a report is archived (the gentle default) or deleted after saying what goes with it, and both can be undone', async ({ page }) => {
  const { host, app, reports } = await fresh(page);
  await reports.action(REPORT_2016, 'Archive…');
  const dialog = reports.removeDialog();
  await expect(dialog.getByRole('radio', { name: 'Archive it' })).toBeChecked();
  await expect(dialog).toContainText('Nothing is lost: 9 findings and their tracking');
  expect(await app.seriousA11yViolations(), 'remove dialog').toEqual([]);
  await lookAtBothSizes(page, 'archive-dialog');
  await dialog.getByRole('button', { name: 'Archive' }).click();
  await expect(reports.row(REPORT_2016)).toHaveCount(0);
  await expect(page.getByRole('switch', { name: 'Show archived and superseded (1)' })).toBeVisible();
  await app.open('Findings');
  await expect(page.getByTestId('register-count')).toHaveText('Showing 17 of 17 findings');
  // The toast's Undo has long gone by now (it is tried below, at once); Ctrl+Z undoes from anywhere.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('register-count')).toHaveText('Showing 26 of 26 findings');
  await app.open('Reports');
  await expect(reports.row(REPORT_2016)).toBeVisible();

  await reports.action(REPORT_2016, 'Delete…');
  await expect(dialog.getByRole('radio', { name: 'Delete it' })).toBeChecked();
  const impact = dialog.getByTestId('delete-impact');
  await expect(impact).toContainText('9 findings and their tracking');
  await expect(impact).toContainText('its stored file');
  // The press release about it stays, unlinked.
  await expect(dialog).toContainText('1 supporting document about it (kept, unlinked)');
  await lookAtBothSizes(page, 'delete-dialog');
  await dialog.getByRole('button', { name: 'Delete report' }).click();
  await expect(reports.row(REPORT_2016)).toHaveCount(0);
  await reports.undoFromToast(/^Deleted: Cambridgeshire PEEL 2016/);
  await expect(reports.row(REPORT_2016)).toBeVisible();
  await app.open('Findings');
  await expect(page.getByTestId('register-count')).toHaveText('Showing 26 of 26 findings');
  await host.stop();
});

test.describe('in a browser set to American English', () => {
  test.use({ locale: 'en-US', timezoneId: 'America/New_York' });

  test('every date is British: 8 December 2016 in lists, 07/02/2020 in date fields', async ({ page }) => {
    const { host, app, reports } = await fresh(page);
    await expect(reports.row(REPORT_2016)).toContainText('8 December 2016');
    await app.open('Findings');
    const findings = new FindingsPage(page);
    const panel = await findings.openFinding(VETTING_2016);
    const due = panel.getByLabel('Target date');
    await expect(due).toHaveAttribute('placeholder', 'dd/mm/yyyy');
    await due.fill('07/02/2020');
    await due.press('Enter');
    await expect(panel.getByText('Due 7 February 2020')).toBeVisible();
    await expect(due).toHaveValue('07/02/2020');
    await expect(panel.getByTestId('history-table')).toContainText('— → 7 February 2020');
    await findings.closePanel();
    await expect(findings.grid().getByRole('row').filter({ hasText: VETTING_2016 })).toContainText('7 February 2020');
    await host.stop();
  });
});

test('a note is linked to a question and a finding, and keeps the links', async ({ page }) => {
  const { host, app } = await fresh(page);
  await app.open('Notes');
  await page.getByRole('button', { name: 'New note' }).click();
  const card = page.getByTestId('notes-list').getByRole('listitem').first();
  await card.getByRole('textbox').first().fill('Interview with the PSD lead about the vetting backlog');
  await card.getByLabel('Linked report').selectOption({ label: REPORT_2016 });
  await card.getByLabel('Linked question').selectOption({ label: ETHICAL_2016 });
  await card.getByLabel('Linked finding').selectOption({ label: VETTING_2016 });
  await expect(card.getByRole('status')).toHaveText('Saved');
  expect(await app.seriousA11yViolations(), 'notes').toEqual([]);
  await lookAtBothSizes(page, 'notes');
  await page.reload();
  await app.open('Notes');
  const again = page.getByTestId('notes-list').getByRole('listitem').first();
  await expect(again.getByLabel('Linked question')).toHaveValue(ETHICAL_2016);
  await expect(again.getByLabel('Linked finding').locator('option:checked')).toHaveText(VETTING_2016);
  await again.getByRole('button', { name: 'Open the linked finding' }).click();
  await expect(page.getByRole('heading', { level: 1, name: REPORT_2016 })).toBeVisible();
  await expect(page.locator('[aria-current="true"]').first()).toContainText(VETTING_2016);
  await host.stop();
});

test('a paper: the force logo, an agenda item, the quote in 4.1, and 4.2 overridden with a warning when the grades change', async ({ page }) => {
  const { host, app } = await fresh(page);
  await app.open('Settings');
  await page.getByTestId('logo-input').setInputFiles(join(FIXTURES, 'force-logo.svg'));
  await expect(page.getByText('force-logo.svg (drawn from the SVG)')).toBeVisible();
  await expect(page.getByTestId('settings-logo')).toHaveAttribute('src', /^data:image\/png;base64,/);

  await app.open('Board papers');
  const papers = new PapersPage(page);
  await papers.create(REPORT_2016);
  await expect(page.getByTestId('paper-logo')).toHaveAttribute('src', /^data:image\/png;base64,/);
  await page.getByLabel('Agenda item').fill('4.0');
  await expect(page.getByTestId('paper-preview')).toContainText('Agenda Item: 4.0');
  await page.getByLabel('Quote in 4.1').selectOption({ label: 'No quote' });
  await expect(papers.previewParagraph('4.1')).toContainText('gave an overall judgment of “good”.');

  await page.getByRole('button', { name: 'Edit paragraph 4.2 in your own words' }).click();
  const box = papers.paragraphBox('4.2');
  await expect(box).toBeFocused();
  const derived = await box.inputValue();
  expect(derived).toContain(`- ${ETHICAL_2016} Assessed as **requiring improvement**.`);
  await box.fill(derived.replace('The overall judgment was reached', 'HMIC reached its overall judgment'));
  await expect(papers.previewParagraph('4.2')).toContainText('HMIC reached its overall judgment by assessing three sub-questions');
  await papers.waitUntilSaved();
  await expect(page.locator('[data-paragraph="4.2"]').first()).toContainText('Overridden');

  // A grade corrected in the reader after the edit, as the officer would.
  await app.open('Reports');
  const reader = new ReaderPage(page);
  await reader.openFromList(`Open ${REPORT_2016}`);
  await reader.correctGrade(ETHICAL_2016, 'Good');
  await app.open('Board papers');
  await page.getByRole('button', { name: /^Open An update on the publication/ }).click();
  await expect(page.getByTestId('stale-4.2')).toContainText('The grades changed after you edited 4.2.');
  await page.getByTestId('stale-4.2').scrollIntoViewIfNeeded();
  expect(await app.seriousA11yViolations(), 'paper editor').toEqual([]);
  await lookAtBothSizes(page, 'paper-override');
  await page.getByRole('button', { name: 'Use the derived text of paragraph 4.2 again' }).click();
  await expect(page.getByTestId('stale-4.2')).toHaveCount(0);
  await expect(papers.paragraphBox('4.2')).toHaveCount(0);
  await expect(papers.previewParagraph('4.2')).toContainText(`${ETHICAL_2016} Assessed as good.`);
  await papers.waitUntilSaved();
  await host.stop();
});
