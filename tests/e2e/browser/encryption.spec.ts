import { test, expect } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost } from '../host';
import { AppPage } from '../pages/app-page';

test('Settings shows the encryption switch off and disabled in the browser host, with the reason', async ({ page }) => {
  const host = await startHost(await mkdtemp(join(tmpdir(), 'liaison-e2e-')));
  const app = new AppPage(page);
  await page.goto(host.openUrl);
  await app.open('Settings');
  await expect(page.getByRole('heading', { level: 2, name: 'Encryption at rest' })).toBeVisible();
  const toggle = page.getByRole('switch', { name: 'Encrypt my data at rest' });
  await expect(toggle).toBeDisabled();
  await expect(toggle).not.toBeChecked();
  await expect(page.getByText("Only the desktop app can encrypt, using your operating system account's key store")).toBeVisible();
  // The store is not encrypted, so an export is plain anyway and the "unencrypted" choice is not offered.
  await expect(page.getByRole('checkbox', { name: /Export unencrypted/ })).toHaveCount(0);
  expect(await app.seriousA11yViolations()).toEqual([]);
  await page.getByRole('heading', { level: 2, name: 'Encryption at rest' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/settings-encryption.png' });
  await host.stop();
});
