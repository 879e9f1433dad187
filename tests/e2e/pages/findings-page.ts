import { expect, type Locator, type Page } from '@playwright/test';

/** The Findings section: register, a finding's panel, grade history and dashboard. */
export class FindingsPage {
  constructor(readonly page: Page) {}

  tab(name: 'Register' | 'Grade history' | 'Dashboard' | 'Due soon'): Locator {
    return this.page.getByRole('tab', { name });
  }

  grid(): Locator {
    return this.page.getByRole('grid', { name: 'Findings register' });
  }

  /** The register row whose finding text contains `text`, found through the register's own search. */
  async openFinding(text: string): Promise<Locator> {
    await this.tab('Register').click();
    await this.page.getByRole('searchbox').fill(text);
    // Once the register shows only what the words find: a row clicked while it redraws may be gone by the click.
    await expect(this.grid().getByRole('rowgroup', { name: 'Findings' }).getByRole('row').filter({ hasNotText: text })).toHaveCount(0);
    const row = this.grid().getByRole('row').filter({ hasText: text }).first();
    await row.click();
    const panel = this.panel();
    await expect(panel.getByText(text, { exact: false }).first()).toBeVisible();
    return panel;
  }

  /** Sets a finding's owner and target date (dd/mm/yyyy) in its open panel, as the officer types them. */
  async track(panel: Locator, changes: { owner?: string; status?: string; due?: string }): Promise<void> {
    if (changes.owner) {
      await panel.getByLabel('Owner').fill(changes.owner);
      await panel.getByLabel('Owner').press('Enter');
      await expect(this.page.getByText(`Owner set to ${changes.owner}`).first()).toBeVisible();
    }
    if (changes.status) {
      await panel.getByLabel('Status').selectOption(changes.status);
      await expect(this.page.getByText(`Status set to ${changes.status}`).first()).toBeVisible();
    }
    if (changes.due) {
      await panel.getByLabel('Target date').fill(changes.due);
      await panel.getByLabel('Target date').press('Enter');
      await expect(panel.getByLabel('Target date')).toHaveValue(changes.due);
    }
  }

  panel(): Locator {
    return this.page.getByTestId('finding-detail');
  }

  async closePanel(): Promise<void> {
    await this.page.getByRole('button', { name: 'Close the finding' }).click();
    await expect(this.panel()).toHaveCount(0);
  }
}
