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

  /**
   * Selects a passage on the PDF page view (pdf.js's text layer) as a drag would, across its text items; spaces may
   * differ. Tried until the passage is there: after turning the page, the last page's layer can stand a moment longer.
   */
  async selectOnPage(passage: string): Promise<void> {
    const select = () => this.page.getByTestId('pdf-text-layer').evaluate((layer, wanted) => {
      const nodes: Array<{ node: Text; from: number }> = [];
      let chars = '';
      const at: Array<{ node: Text; offset: number }> = [];
      const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        nodes.push({ node, from: chars.length });
        for (let i = 0; i < node.data.length; i += 1) {
          if (/\s/.test(node.data[i]!)) continue;
          chars += node.data[i];
          at.push({ node, offset: i });
        }
      }
      const needle = wanted.replace(/\s+/g, '');
      const start = chars.indexOf(needle);
      if (start === -1) return false;
      const first = at[start]!;
      const last = at[start + needle.length - 1]!;
      const range = document.createRange();
      range.setStart(first.node, first.offset);
      range.setEnd(last.node, last.offset + 1);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }, passage);
    await expect.poll(select, { message: 'the passage is on the page' }).toBe(true);
  }

  sourceText(): Locator {
    return this.page.getByTestId('source-text');
  }

  /** What the officer sees of the source text. */
  async shownText(): Promise<string> {
    return this.sourceText().innerText();
  }

  /** What the window has selected, as text. */
  async selectedText(): Promise<string> {
    return this.page.evaluate(() => window.getSelection()?.toString() ?? '');
  }

  findBox(): Locator {
    return this.page.getByRole('search', { name: 'Find in the report' });
  }

  findCount(): Locator {
    return this.page.getByTestId('find-count');
  }

  /** What the reader last said to screen readers. */
  announcement(): Locator {
    return this.page.getByTestId('reader-announcement');
  }

  async openPageView(): Promise<void> {
    await this.page.getByRole('button', { name: 'Page view' }).click();
    // pdf.js and its worker load on first use: give them time on a busy machine.
    await expect(this.page.getByTestId('pdf-text-layer').locator('span').first()).toBeAttached({ timeout: 30_000 });
  }

  pageView(): Locator {
    return this.page.getByTestId('pdf-page-view');
  }

  toCheck(): Locator {
    return this.page.getByTestId('to-check');
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
