import { test, expect, type Page } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost } from '../host';
import { AppPage } from '../pages/app-page';
import { TeamServer } from '../../helpers/team-server';

async function joinTeam(page: Page, server: string, user: string, password: string) {
  const team = page.getByRole('region', { name: 'Team' });
  await team.getByLabel('Server address').fill(server);
  await team.getByLabel('Team database').fill('force');
  await team.getByLabel('Your user name on the server').fill(user);
  await team.getByLabel('Password').fill(password);
  await team.getByRole('button', { name: 'Check and show what will change' }).click();
  await expect(page.getByTestId('team-preview')).toBeVisible({ timeout: 30_000 });
}

test('two officers join one team database from Settings → Team; a team setting changed on one shows on the other', async ({ browser }) => {
  test.setTimeout(180_000);
  const server = await TeamServer.start();
  await server.addUser('olive', 'olive-pw', ['officer', 'approver']);
  await server.addUser('bob', 'bob-pw');
  await server.createTeam('force');
  await server.installRules('force');
  const [hostA, hostB] = [await startHost(await mkdtemp(join(tmpdir(), 'liaison-e2e-'))), await startHost(await mkdtemp(join(tmpdir(), 'liaison-e2e-')))];
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  try {
    const appA = new AppPage(a);
    await a.goto(hostA.openUrl);
    await appA.loadSamples();
    await appA.open('Settings');
    await joinTeam(a, server.url, 'olive', 'olive-pw');
    await expect(a.getByTestId('team-preview')).toContainText('The team database is empty: this store will be uploaded to it.');
    await expect(a.getByTestId('team-preview')).toContainText('Your roles on the server: liaison, officer, approver.');
    await expect(a.getByText('Plain http to this computer: fine for a trial')).toBeVisible();
    await a.getByRole('button', { name: 'Start working as a team' }).click();
    await expect(a.getByTestId('team-status')).toHaveText('Synced just now', { timeout: 60_000 });
    expect(await appA.seriousA11yViolations()).toEqual([]);
    await a.getByRole('heading', { level: 2, name: 'Team' }).scrollIntoViewIfNeeded();
    await a.screenshot({ path: 'test-results/screenshots/settings-team-on.png' });

    const appB = new AppPage(b);
    await b.goto(hostB.openUrl);
    await appB.open('Settings');
    await joinTeam(b, server.url, 'bob', 'bob-pw');
    await expect(b.getByTestId('team-preview')).toContainText('5 reports will be downloaded');
    await b.getByRole('heading', { level: 2, name: 'Team' }).scrollIntoViewIfNeeded();
    await b.screenshot({ path: 'test-results/screenshots/settings-team-preview.png' });
    expect(await appB.seriousA11yViolations()).toEqual([]);
    await b.getByRole('button', { name: 'Start working as a team' }).click();
    await expect(b.getByTestId('team-status')).toHaveText('Synced just now', { timeout: 60_000 });
    await appB.open('Reports');
    await expect(appB.reportRows()).toHaveCount(6, { timeout: 30_000 }); // five documents and the header row

    // Olive is an officer: her change of the board reaches Bob's open Settings by itself.
    await appA.open('Settings');
    await a.getByLabel('Board', { exact: true }).fill('Force Executive Board');
    await a.getByRole('button', { name: 'Save settings' }).click();
    await appB.open('Settings');
    await expect(b.getByLabel('Board', { exact: true })).toHaveValue('Force Executive Board', { timeout: 30_000 });
  } finally {
    await contextA.close();
    await contextB.close();
    await hostA.stop();
    await hostB.stop();
    await server.stop();
  }
});
