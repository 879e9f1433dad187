import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** Asking owners for updates (the request workbook or Word document) and applying what they send back, on the Findings screen. */
export class UpdateRequests {
  constructor(readonly page: Page) {}

  requestDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Ask owners for updates' });
  }

  /** Opens "Ask owners for updates…" from the keyboard. */
  async openRequest(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Ask owners for updates…' }).focus();
    await this.page.keyboard.press('Enter');
    await expect(this.requestDialog()).toBeVisible();
    return this.requestDialog();
  }

  /** Writes the request for one owner (or everyone, owner omitted) as .xlsx or .docx; the browser host hands it over as a download. */
  async request(format: 'xlsx' | 'docx', owner?: string): Promise<Download> {
    const dialog = await this.openRequest();
    const who = dialog.getByRole('combobox', { name: 'For' });
    if (owner) {
      const value = await who.locator('option', { hasText: owner }).first().getAttribute('value');
      await who.selectOption(value ?? '');
    }
    await dialog.getByRole('radio', { name: format === 'xlsx' ? /Excel workbook/ : /Word document/ }).check();
    const [download] = await Promise.all([this.page.waitForEvent('download'), dialog.getByRole('button', { name: 'Write the request' }).click()]);
    await expect(dialog).toBeHidden();
    return download;
  }

  /** Hands returned workbooks to "Apply returned workbooks…" (its file picker) and returns the review screen. */
  async review(files: Array<{ name: string; buffer: Buffer }>): Promise<Locator> {
    await this.page.getByTestId('returns-input').setInputFiles(files.map((f) => ({ ...f, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })));
    const dialog = this.page.getByRole('dialog', { name: 'Review the returned updates' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** A row of the review screen, by the finding's reference. */
  row(review: Locator, reference: string): Locator {
    return review.getByTestId('return-row').filter({ hasText: reference });
  }
}
