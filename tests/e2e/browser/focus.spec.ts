import { test, expect, type Locator, type Page } from '@playwright/test';
import { startWithSamples, type RunningHost } from '../host';
import { AppPage } from '../pages/app-page';
import { FindingsPage } from '../pages/findings-page';
import { SignOff } from '../pages/sign-off';
import { UpdateRequests } from '../pages/update-requests';

const VETTING_2016 = 'ensure it complies with all aspects of the current national guidelines for vetting';
const VETTING_2018 = 'The force should ensure all staff have received at least the lowest level of vetting clearance';

// Where focus goes after a dialog or the finding's panel acts or closes, driven from the keyboard as an officer
// without a mouse would. One store with the samples, loaded once (beforeAll runs again only after a failure).
let host: RunningHost;
let page: Page;
let app: AppPage;
let findings: FindingsPage;

test.beforeAll(async ({ browser }) => {
  ({ host, page, app } = await startWithSamples(browser, { width: 1366, height: 768 }));
  findings = new FindingsPage(page);
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
});

/** Opens a finding from its register row with the keyboard, and returns the row and the panel. */
async function openFromRow(text: string): Promise<{ row: Locator; panel: Locator }> {
  await app.open('Findings');
  await page.getByRole('searchbox', { name: /Filter by words/ }).fill(text);
  await expect(page.getByTestId('register-count')).toHaveText(/^Showing 1 of/);
  const row = findings.grid().getByRole('row').filter({ hasText: text });
  await row.focus();
  await page.keyboard.press('Enter');
  const panel = findings.panel();
  await expect(panel.getByText(text).first()).toBeVisible();
  return { row, panel };
}

const focusInside = (area: Locator) => area.evaluate((el) => el.contains(document.activeElement));

test('confirming a suggested link from the keyboard keeps focus in the panel: Escape closes it and focus is back on the row', async () => {
  await app.open('Findings');
  await page.keyboard.press('Alt+l');
  await expect(page.getByText(/new links? suggested/).first()).toBeVisible();
  const { row, panel } = await openFromRow(VETTING_2018);
  const confirm = panel.getByTestId('link-suggestion').filter({ hasText: VETTING_2016 }).getByRole('button', { name: /^Confirm link/ });
  await confirm.focus();
  await page.keyboard.press('Enter');
  // The suggestion, and the button that held focus, are gone once the link is made.
  await expect(panel.getByTestId('link-chain').getByRole('listitem')).toHaveCount(2);
  await expect(confirm).toHaveCount(0);
  expect(await focusInside(panel), 'focus stays in the panel').toBe(true);
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(row).toBeFocused();
});

test('a sign-off step that replaces its own button keeps focus in the panel; its dialog gives focus back on Escape', async () => {
  const { row, panel } = await openFromRow(VETTING_2018);
  // A proposal is made by the finding's owner, with evidence.
  await findings.track(panel, { owner: 'Head of Vetting' });
  await panel.getByTestId('evidence-input').setInputFiles({
    name: 'Vetting clearances.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  });
  await expect(panel.getByRole('table', { name: 'Evidence files' })).toContainText('Vetting clearances.pdf');
  const signOff = new SignOff(page, panel);
  const propose = signOff.box().getByRole('button', { name: 'Propose for closure…' });
  await signOff.openStep('Propose for closure…', 'Propose for closure');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Propose for closure' })).toHaveCount(0);
  await expect(propose).toBeFocused();

  await signOff.propose('Vetting backlog cleared and every officer vetted.');
  // Proposed: "Propose for closure…" gave way to "Approve closure…"; focus did not fall to the page.
  await expect(signOff.box().getByRole('button', { name: 'Approve closure…' })).toBeVisible();
  await expect(propose).toHaveCount(0);
  expect(await focusInside(panel), 'focus stays in the panel').toBe(true);
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(row).toBeFocused();
});

test('dialogs give focus back to the button that opened them, after Escape and after doing their work', async () => {
  await app.open('Findings');
  const requests = new UpdateRequests(page);
  const ask = page.getByRole('button', { name: 'Ask owners for updates…' });
  await requests.openRequest();
  await page.keyboard.press('Escape');
  await expect(requests.requestDialog()).toHaveCount(0);
  await expect(ask).toBeFocused();
  await requests.request('xlsx');
  await expect(ask).toBeFocused();

  await app.open('Board papers');
  const newPaper = page.getByRole('button', { name: 'New paper' });
  const dialog = page.getByRole('dialog', { name: 'New board paper' });
  await newPaper.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(newPaper).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(newPaper).toBeFocused();
});

test("a report's actions menu works from the keyboard: it opens on its first item, Escape and Cancel bring focus back to its button", async () => {
  await app.open('Reports');
  const button = page.getByRole('button', { name: /^Actions for Cambridgeshire PEEL 2016/ });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Archive…' })).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Mark as superseded…' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(button).toBeFocused();

  // Down opens it too; an item's dialog, cancelled, gives focus back to the button as well.
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Archive…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: /^Remove “/ });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(button).toBeFocused();

  // A second click on the button closes the menu it opened.
  await button.click();
  await expect(page.getByRole('menu')).toBeVisible();
  await button.click();
  await expect(page.getByRole('menu')).toHaveCount(0);
});
