import { expect, type Download, type Page } from '@playwright/test';

/** The Board papers screen: the list, the new-paper dialog and the editor with its preview. */
export class PapersPage {
  constructor(readonly page: Page) {}

  async create(reportTitleContains: string): Promise<void> {
    await this.page.getByRole('button', { name: 'New paper' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New board paper' });
    const select = dialog.getByRole('combobox', { name: 'Report' });
    const value = await select.locator('option', { hasText: reportTitleContains }).first().getAttribute('value');
    await select.selectOption(value ?? '');
    await dialog.getByRole('button', { name: 'Create paper' }).click();
    await expect(this.page.getByTestId('paper-preview')).toBeVisible();
  }

  /** "New progress paper": progress against one report's findings (by words of its label), or every open finding (null). */
  async createProgress(about: string | null): Promise<void> {
    await this.page.getByRole('button', { name: 'New progress paper' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New progress paper' });
    const select = dialog.getByRole('combobox', { name: 'Progress against' });
    const option = about === null ? select.locator('option', { hasText: 'Every finding still open' }) : select.locator('option', { hasText: about });
    await select.selectOption((await option.first().getAttribute('value')) ?? '');
    await dialog.getByRole('button', { name: 'Create progress paper' }).click();
    await expect(this.page.getByTestId('paper-preview')).toBeVisible();
  }

  paragraphBox(key: string) {
    return this.page.getByRole('textbox', { name: `Paragraph ${key}` });
  }

  previewParagraph(key: string) {
    return this.page.getByTestId('paper-preview').locator(`[data-paragraph="${key}"]`);
  }

  async waitUntilSaved(): Promise<void> {
    await expect(this.page.getByTestId('paper-save-state')).toHaveText('All changes saved');
  }

  /** The browser host hands the .docx over as a download. */
  async exportDocx(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: 'Export .docx' }).click()]);
    return download;
  }

  async backToList(): Promise<void> {
    await this.page.getByRole('button', { name: 'All papers' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Board papers' })).toBeVisible();
  }
}
