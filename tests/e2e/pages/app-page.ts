import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export type Section = 'Reports' | 'Findings' | 'Board papers' | 'Notes' | 'Settings';

/**
 * The app as an officer sees it. Shared by the browser and the Electron suites, so both drive the
 * same screens the same way.
 */
export class AppPage {
  constructor(readonly page: Page) {}

  async open(section: Section): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('tab', { name: section }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: section })).toBeVisible();
  }

  async loadSamples(): Promise<void> {
    await this.page.getByRole('button', { name: 'Load the sample documents' }).click();
    await expect(this.page.getByTestId('last-saved')).toContainText('All changes saved');
  }

  reportRows() {
    return this.page.getByTestId('reports-table').getByRole('row');
  }

  async reportTitles(): Promise<string[]> {
    const rows = this.page.getByTestId('reports-table').locator('tbody tr');
    return rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')?.textContent ?? ''));
  }

  /** axe-core over the whole page; returns the serious and critical violations only. */
  async seriousA11yViolations(): Promise<string[]> {
    // Toasts fade in and out, and axe would measure a half-transparent one's contrast.
    await expect(this.page.locator('.fui-Toast')).toHaveCount(0, { timeout: 15_000 });
    // Fluent UI's focus manager (tabster) adds aria-hidden "dummy" elements that pass focus on at
    // the edges of a group; they never keep focus, and axe flags them as a known false positive.
    const result = await new AxeBuilder({ page: this.page }).exclude('[data-tabster-dummy]').analyze();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')})`);
  }
}
