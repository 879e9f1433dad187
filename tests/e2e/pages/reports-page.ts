import { expect, type Locator, type Page } from '@playwright/test';

/** The Reports screen: the list, each report's actions, importing, and the questions they lead to. */
export class ReportsPage {
  constructor(readonly page: Page) {}

  row(name: string | RegExp): Locator {
    return this.page.getByTestId('reports-table').getByRole('row', { name: typeof name === 'string' ? `Open ${name}` : name });
  }

  /** Imports files through the file picker, as "Import a document…" does. */
  async importFiles(...files: string[]): Promise<void> {
    await this.page.getByTestId('import-input').setInputFiles(files);
  }

  /** A report's lifecycle menu (Archive…, Mark as superseded…, Delete…), from its row or the reader. */
  async action(label: string, item: 'Archive…' | 'Mark as superseded…' | 'Delete…' | 'Make active again'): Promise<void> {
    await this.page.getByRole('button', { name: `Actions for ${label}` }).first().click();
    await this.page.getByRole('menuitem', { name: item }).click();
  }

  removeDialog(): Locator {
    return this.page.getByRole('alertdialog', { name: /^Remove “/ });
  }

  sameReportDialog(): Locator {
    return this.page.getByRole('alertdialog', { name: 'This report is already held' });
  }

  /** Undoes the last action from its toast. */
  async undoFromToast(label: RegExp): Promise<void> {
    const toast = this.page.locator('.fui-Toast').filter({ hasText: label }).first();
    await toast.getByRole('button', { name: 'Undo' }).click();
  }

  async titles(): Promise<string[]> {
    await expect(this.page.getByTestId('reports-table')).toBeVisible();
    return this.page
      .getByTestId('reports-table')
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => (tr.getAttribute('aria-label') ?? '').replace(/^Open /, '')));
  }
}
