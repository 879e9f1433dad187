import { expect, type Locator, type Page } from '@playwright/test';

/** The Findings section: register, a finding's panel, grade history and dashboard. */
export class FindingsPage {
  constructor(readonly page: Page) {}

  tab(name: 'Register' | 'Grade history' | 'Dashboard'): Locator {
    return this.page.getByRole('tab', { name });
  }

  grid(): Locator {
    return this.page.getByRole('grid', { name: 'Findings register' });
  }

  /** The register row whose finding text contains `text`, found through the register's own search. */
  async openFinding(text: string): Promise<Locator> {
    await this.tab('Register').click();
    await this.page.getByRole('searchbox').fill(text);
    const row = this.grid().getByRole('row').filter({ hasText: text }).first();
    await row.click();
    const panel = this.panel();
    await expect(panel.getByText(text, { exact: false }).first()).toBeVisible();
    return panel;
  }

  panel(): Locator {
    return this.page.getByTestId('finding-detail');
  }

  async closePanel(): Promise<void> {
    await this.page.getByRole('button', { name: 'Close the finding' }).click();
    await expect(this.panel()).toHaveCount(0);
  }
}
