import { test, expect, type Locator, type Page } from '@playwright/test';
import { startWithSamples, type RunningHost } from '../host';
import { AppPage } from '../pages/app-page';
import { FindingsPage } from '../pages/findings-page';
import { lookAtBothSizes, registerRowsInView, SIZES } from '../pages/layout';
import { PapersPage } from '../pages/papers-page';
import { SignOff } from '../pages/sign-off';
import { UpdateRequests } from '../pages/update-requests';

const REPORT_2018 = /^Open PEEL: Police effectiveness, efficiency and legitimacy 2018\/19/;
const VETTING_2018 = 'The force should ensure all staff have received at least the lowest level of vetting clearance';

// Every screen and the main dialogs, at the common force laptop size and at full HD, on one store with the
// samples loaded once (the tests run in one worker, so beforeAll runs again only after a failure): each screen is
// shot, checked for layout that a small screen breaks, and run past axe. Each test opens its own section first.

let host: RunningHost;
let page: Page;
let app: AppPage;

test.beforeAll(async ({ browser }) => {
  ({ host, page, app } = await startWithSamples(browser, SIZES[0]));
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
});

/**
 * Shoots and checks the screen at both sizes, then runs axe once, at the laptop size: a screen's roles and
 * names do not change with the window, and axe is the slow part. Soft, so one run shows all that is wrong.
 */
async function look(name: string, options: { show?: Locator; axe?: boolean } = {}): Promise<void> {
  await lookAtBothSizes(page, name, options.show);
  if (options.axe !== false) expect.soft(await app.seriousA11yViolations(), name).toEqual([]);
}

test('Reports: the list, a report’s actions, the reader with its review, details and files', async () => {
  await look('reports');
  await page.getByTestId('reports-table').getByRole('row', { name: REPORT_2018 }).getByRole('button', { name: /^Actions for / }).click();
  await expect(page.getByRole('menuitem', { name: 'Archive…' })).toBeVisible();
  await look('report-actions', { axe: false });
  await page.keyboard.press('Escape');

  await page.getByTestId('reports-table').getByRole('row', { name: REPORT_2018 }).click();
  await expect(page.getByRole('heading', { level: 1, name: /2018\/19/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Judgments and findings' })).toBeVisible();
  await look('report-reader');
  await page.getByRole('tab', { name: 'Details' }).click();
  await expect(page.getByRole('button', { name: 'Save details' })).toBeVisible();
  await look('report-details');
  await look('report-files', { show: page.getByTestId('report-files'), axe: false });
});

test('Findings: the register, a finding’s panel with sign-off, an update request, Due soon, Dashboard, Grade history', async () => {
  const findings = new FindingsPage(page);
  await app.open('Findings');
  await expect(page.getByTestId('register-count')).toHaveText('Showing 26 of 26 findings');
  // The table is the hero: at the laptop size at least twelve rows show under the filter bar.
  expect.soft(await registerRowsInView(page), 'register rows in view at 1366×768').toBeGreaterThanOrEqual(12);
  await look('register');

  const panel = await findings.openFinding(VETTING_2018);
  await look('finding-panel');
  const signOff = new SignOff(page, panel);
  await signOff.openStep('Propose for closure…', 'Propose for closure');
  await look('sign-off-propose');
  await page.keyboard.press('Escape');
  await findings.closePanel();

  await new UpdateRequests(page).openRequest();
  await look('update-request');
  await page.keyboard.press('Escape');

  await findings.tab('Due soon').click();
  await look('due-soon');
  await findings.tab('Dashboard').click();
  await expect(page.getByTestId('dashboard')).toBeVisible();
  await look('dashboard');
  await findings.tab('Grade history').click();
  await expect(page.getByTestId('grade-history')).toBeVisible();
  await look('grade-history');
});

test('Board papers: the list, the New board paper dialog, the paper and progress paper editors', async () => {
  const papers = new PapersPage(page);
  await app.open('Board papers');
  await look('papers');
  await page.getByRole('button', { name: 'New paper' }).click();
  const dialog = page.getByRole('dialog', { name: 'New board paper' });
  // The longest label the picker holds, so a picker as wide as its text shows at its widest.
  const select = dialog.getByRole('combobox', { name: 'Report' });
  await select.selectOption((await select.locator('option', { hasText: '2018/19' }).first().getAttribute('value')) ?? '');
  await look('new-paper');
  await dialog.getByRole('button', { name: 'Create paper' }).click();
  await expect(page.getByTestId('paper-preview')).toBeVisible();
  await look('paper-editor');
  await papers.backToList();
  await papers.createProgress(null);
  await look('progress-paper');
  await papers.backToList();
});

test('Notes, Search and Settings (with Team and the RAG rules)', async () => {
  await app.open('Notes');
  await page.getByRole('button', { name: 'New note' }).click();
  await expect(page.getByTestId('notes-list').getByRole('listitem')).toHaveCount(1);
  await look('notes');

  const search = page.getByRole('combobox', { name: 'Search' });
  await search.fill('Flagstone');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toBeVisible();
  await look('search');
  await search.press('Escape');

  await app.open('Settings');
  await look('settings');
  await look('settings-team', { show: page.getByRole('heading', { name: /^Team/ }), axe: false });
  await look('settings-rag-rules', { show: page.getByTestId('rag-rules-words'), axe: false });
});
