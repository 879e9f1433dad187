import { test, expect } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost } from '../host';
import { AppPage } from '../pages/app-page';
import { FindingsPage } from '../pages/findings-page';

// Words as the user's documents have them.
const WELLBEING_2016 = 'The force should ensure that its supervisors can recognise and provide support with wellbeing';
const VETTING_2016 = 'ensure it complies with all aspects of the current national guidelines for vetting';
const VETTING_2018 = 'The force should ensure all staff have received at least the lowest level of vetting clearance';

test('track a finding, link it across inspections, read the grade history and the dashboard', async ({ page }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'liaison-e2e-'));
  const host = await startHost(dataDir);
  const app = new AppPage(page);
  const findings = new FindingsPage(page);
  await page.goto(host.openUrl);
  await app.loadSamples();
  await app.open('Findings');

  // The register: the samples' 26 findings (9 from 2016, 6 in the 2017 board paper, 11 in 2018/19).
  await expect(page.getByTestId('register-count')).toHaveText('Showing 26 of 26 findings');
  expect(await app.seriousA11yViolations(), 'Register').toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/register.png' });

  // Sorting by a column header says so to assistive technology.
  await page.getByRole('button', { name: 'Sort by target date' }).click();
  await expect(page.getByRole('columnheader', { name: 'Sort by target date' })).toHaveAttribute('aria-sort', 'ascending');
  await page.getByRole('button', { name: 'Sort by report' }).click();

  // Set owner, status and target date, add a progress update, and read the history.
  const panel = await findings.openFinding(WELLBEING_2016);
  await panel.getByLabel('Owner').fill('Head of HR');
  await panel.getByLabel('Owner').press('Enter');
  await expect(page.getByText('Owner set to Head of HR').first()).toBeVisible();
  await panel.getByLabel('Status').selectOption('In progress');
  await panel.getByLabel('Target date').fill('31/03/2019');
  await panel.getByLabel('Target date').press('Enter');
  await expect(panel.getByText('Due 31 March 2019')).toBeVisible();
  await panel.getByLabel('New progress update').fill('Wellbeing training for all sergeants booked for February.');
  await panel.getByRole('button', { name: 'Add update' }).click();
  await expect(panel.getByRole('list', { name: 'Progress updates, oldest first' })).toContainText('Wellbeing training for all sergeants booked for February.');
  const history = panel.getByTestId('history-table');
  await expect(history.getByRole('row')).toHaveCount(5); // header + owner, status, target date, progress update
  await expect(history.getByRole('row').nth(1)).toContainText('Progress update');
  await expect(history.getByRole('row').nth(1)).toContainText('Wellbeing training for all sergeants booked for February.');
  await expect(history).toContainText('Not started → In progress');
  await expect(history).toContainText('— → 31 March 2019');
  await expect(history).toContainText('— → Head of HR');
  await page.screenshot({ path: 'test-results/screenshots/finding-detail.png' });

  // Undo the last edit (the target date) with Ctrl+Z from outside a text field.
  await panel.getByRole('heading', { name: 'History' }).click();
  await page.keyboard.press('Control+z');
  await expect(panel.getByText('No target date')).toBeVisible();
  await expect(history).toContainText('31 March 2019 → —');
  await findings.closePanel();

  // The register shows the new owner and status.
  const row = findings.grid().getByRole('row').filter({ hasText: WELLBEING_2016 });
  await expect(row).toContainText('Head of HR');
  await expect(row).toContainText('In progress');

  // Suggested links: the 2016 vetting recommendation continues into 2018/19. Confirm it and see the chain.
  await page.getByRole('button', { name: 'Suggest links across inspections' }).click();
  await expect(page.getByText(/new links? suggested/).first()).toBeVisible();
  const vetting = await findings.openFinding(VETTING_2018);
  const suggestion = vetting.getByTestId('link-suggestion').filter({ hasText: VETTING_2016 });
  await suggestion.getByRole('button', { name: /^Confirm link/ }).click();
  const chain = vetting.getByTestId('link-chain');
  await expect(chain.getByRole('listitem')).toHaveCount(2);
  await expect(chain.getByRole('listitem').first()).toContainText('2016');
  await expect(chain.getByRole('listitem').first()).toContainText(VETTING_2016);
  await expect(chain.getByRole('listitem').last()).toContainText('2018/19');
  await chain.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/finding-chain.png' });

  // And a link made by hand: the 2016 wellbeing AFI to the 2018/19 supervision AFI.
  await findings.closePanel();
  const wellbeing = await findings.openFinding(WELLBEING_2016);
  await wellbeing.getByRole('combobox', { name: 'Link to another finding…' }).pressSequentially('supervision investigations');
  // The list answers each pause in the typing; the one for all the words has only this finding. Chosen from
  // it, as the officer reads it, not from a list still changing under the pointer.
  await expect(page.getByRole('listbox', { name: 'Link to another finding…' }).getByRole('option')).toHaveCount(1);
  await page.getByRole('option', { name: /2018\/19 · The force should ensure regular and active supervision/ }).click();
  await expect(wellbeing.getByTestId('link-chain').getByRole('listitem')).toHaveCount(2);
  await findings.closePanel();

  // Grade history: the 2016 question and the 2018/19 component on one line, three inspections.
  await findings.tab('Grade history').click();
  const grid = page.getByTestId('grade-history');
  await expect(grid.getByRole('columnheader')).toHaveText([/Question or component/, /^2016/, /^2017.*board paper/, /^2018\/19/]);
  const ethical = grid.getByRole('row', { name: /^Ethical and lawful workforce behaviour/ });
  await expect(ethical.getByRole('cell')).toHaveText([/^Requires improvement$/, /^Good.*improved since 2016/, /^Good.*no change since 2017/]);
  expect(await app.seriousA11yViolations(), 'Grade history').toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/grade-history.png', fullPage: true });

  // Dashboard: one finding in progress with an owner; the chart and its table.
  await findings.tab('Dashboard').click();
  const dashboard = page.getByTestId('dashboard');
  await expect(dashboard.getByRole('heading', { name: 'Open findings' })).toBeVisible();
  await expect(dashboard).toContainText('In progress1');
  await expect(dashboard.getByRole('img', { name: /Findings open and closed/ })).toBeVisible();
  await expect(dashboard.getByRole('group', { name: 'Without an owner' })).toContainText('25');
  expect(await app.seriousA11yViolations(), 'Dashboard').toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/dashboard.png', fullPage: true });
  await host.stop();
});

test('the register is driven from the keyboard', async ({ page }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'liaison-e2e-'));
  const host = await startHost(dataDir);
  const app = new AppPage(page);
  await page.goto(host.openUrl);
  await app.loadSamples();
  await page.keyboard.press('Control+2');
  await expect(page.getByRole('heading', { level: 1, name: 'Findings' })).toBeVisible();
  await expect(page.getByTestId('register-count')).toHaveText('Showing 26 of 26 findings');
  await page.keyboard.press('Alt+t');
  // Alt+T puts the cursor in the words box at once; what is typed next goes there.
  const words = page.getByRole('searchbox', { name: /Filter by words/ });
  await expect(words).toBeFocused();
  await page.keyboard.type('vetting');
  await expect(words).toHaveValue('vetting');
  // The 2016 recommendation, the 2017 board paper's AFI II and one 2018/19 AFI mention vetting.
  await expect(page.getByTestId('register-count')).toHaveText('Showing 3 of 26 findings');
  // The lists wait behind Filters; each one in use shows in the bar as a tag that removes it.
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByRole('search', { name: 'Filter the register' }).getByRole('combobox', { name: 'Kind' }).selectOption('recommendation');
  await expect(page.getByTestId('register-count')).toHaveText('Showing 1 of 26 findings');
  await page.getByRole('button', { name: 'Filters, 1 in use' }).click();
  const tag = page.getByRole('button', { name: 'Remove the filter Kind: Recommendation' });
  expect(await app.seriousA11yViolations(), 'Register with a filter in use').toEqual([]);
  await tag.click();
  await expect(page.getByTestId('register-count')).toHaveText('Showing 3 of 26 findings');
  await page.getByRole('grid', { name: 'Findings register' }).getByRole('row').nth(1).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('finding-detail');
  await expect(panel).toBeVisible();
  // A date being typed survives the panel drawing again under it: here the owner's save (held back a
  // moment, as on a busy machine) lands between the typing and Enter.
  await page.route(
    '**/api/findings.update',
    async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.continue();
    },
    { times: 1 },
  );
  await panel.getByLabel('Owner').fill('Head of Professional Standards');
  await panel.getByLabel('Target date').fill('30/04/2019');
  await expect(page.getByText('Owner set to Head of Professional Standards').first()).toBeVisible();
  await panel.getByLabel('Target date').press('Enter');
  await expect(panel.getByText('Due 30 April 2019')).toBeVisible();
  await panel.getByRole('heading', { name: 'History' }).click();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('dashboard')).toBeVisible();
  await host.stop();
});
