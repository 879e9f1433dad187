import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** The sample documents "Load samples" brings in, one per file in resources/samples. */
export const SAMPLE_COUNT = 5;

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

  /**
   * Loads the five sample documents and waits until the officer is told they are in. (The status bar's
   * "All changes saved" is no sign: the officer's name, saved before the page opens, already shows it.)
   */
  async loadSamples(): Promise<void> {
    await this.page.getByRole('button', { name: /^Load (the sample documents|samples)$/ }).click();
    // Reading five documents takes a few seconds, more on a busy machine.
    await expect(this.page.locator('.fui-Toast').getByText('Sample documents loaded')).toBeVisible({ timeout: 30_000 });
    await expect(this.page.getByTestId('import-progress')).toHaveCount(0);
    // The toast comes with main's answer; the list is read again after it, so wait for the samples in it.
    await expect
      .poll(() => this.page.getByTestId('reports-table').locator('tbody tr[aria-label]').count(), { message: 'the five samples are listed' })
      .toBeGreaterThanOrEqual(SAMPLE_COUNT);
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
    // Legacy mode runs axe in the page itself: the default also opens a blank page to put the frames'
    // results together, which the app (no frames) does not need and which costs seconds on a busy machine.
    const result = await new AxeBuilder({ page: this.page }).exclude('[data-tabster-dummy]').setLegacyMode(true).analyze();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')})`);
  }
}
