import { expect, type Locator, type Page } from '@playwright/test';

/** The report reader: outline beside source text. */
export class ReaderPage {
  constructor(readonly page: Page) {}

  async openFromList(title: RegExp | string): Promise<void> {
    await this.page.getByTestId('reports-table').getByRole('row', { name: title }).first().click();
    await expect(this.outline()).toBeVisible();
  }

  outline(): Locator {
    return this.page.getByTestId('outline');
  }

  /** The heading line of a pillar or question, by its label. */
  judgment(label: string | RegExp): Locator {
    return this.outline().getByTestId('judgment-line').filter({ hasText: label });
  }

  async gradeOf(label: string | RegExp): Promise<string> {
    return (await this.judgment(label).first().getByTestId('grade-chip').textContent()) ?? '';
  }

  finding(text: string | RegExp): Locator {
    return this.outline().getByTestId('finding-row').filter({ hasText: text });
  }

  activeHighlight(): Locator {
    return this.page.getByTestId('source-text').locator('mark[data-active]');
  }

  async correctGrade(label: string | RegExp, grade: string): Promise<void> {
    await this.judgment(label).first().getByRole('button', { name: /^Edit judgment/ }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Grade').selectOption(grade);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toHaveCount(0);
  }

  async reextract(): Promise<string> {
    await this.page.getByRole('button', { name: 'Re-extract' }).click();
    const summary = this.page.getByTestId('reextract-summary');
    await expect(summary).toBeVisible();
    const text = (await summary.textContent()) ?? '';
    await this.page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    return text;
  }
}
