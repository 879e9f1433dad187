import { expect, type Locator, type Page } from '@playwright/test';

/** The report reader: outline beside source text. */
export class ReaderPage {
  constructor(readonly page: Page) {}

  async openFromList(title: RegExp | string): Promise<void> {
    await this.page.getByTestId('reports-table').getByRole('row', { name: title }).first().click();
    await expect(this.outline()).toBeVisible();
  }

  /** Selects a passage of the reader's source text as a drag would, across any highlights inside it. */
  async selectPassage(passage: string): Promise<void> {
    const found = await this.page.getByTestId('source-text').evaluate((root, wanted) => {
      for (const block of root.querySelectorAll<HTMLElement>('[data-start]')) {
        const at = (block.textContent ?? '').indexOf(wanted);
        if (at === -1) continue;
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        let seen = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent?.length ?? 0;
          if (seen <= at && at < seen + length) range.setStart(node, at - seen);
          if (seen < at + wanted.length && at + wanted.length <= seen + length) range.setEnd(node, at + wanted.length - seen);
          seen += length;
        }
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return true;
      }
      return false;
    }, passage);
    expect(found, 'the passage is in the source text').toBe(true);
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
