import { expect, type Locator, type Page } from '@playwright/test';

/**
 * A finding's "Closure and sign-off" box and its dialogs, driven from the keyboard as an officer without a
 * mouse would: focus a step's button, Enter, type, Tab on, Enter.
 */
export class SignOff {
  constructor(
    readonly page: Page,
    readonly panel: Locator,
  ) {}

  box(): Locator {
    return this.panel.getByTestId('sign-off');
  }

  /** Opens a step's dialog from the keyboard and returns it. */
  async openStep(button: string, dialogTitle: string): Promise<Locator> {
    await this.box().getByRole('button', { name: button }).focus();
    await this.page.keyboard.press('Enter');
    const dialog = this.page.getByRole('dialog', { name: dialogTitle });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Propose for closure: "Proposed by" (the owner, already filled), the closure statement, then the button. */
  async propose(statement: string): Promise<void> {
    const dialog = await this.openStep('Propose for closure…', 'Propose for closure');
    await expect(dialog.getByLabel('Proposed by')).toBeFocused();
    await this.page.keyboard.press('Tab');
    await expect(dialog.getByLabel(/^Closure statement/)).toBeFocused();
    await this.page.keyboard.type(statement);
    await this.page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Propose for closure' })).toBeFocused();
    await this.page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
  }

  /** Approve closure: the named approver, the date of the decision (today unless given, dd/mm/yyyy), the reason. */
  async approve(approver: string, reason: string, date?: string): Promise<void> {
    const dialog = await this.openStep('Approve closure…', 'Approve closure');
    await this.fillApproval(dialog, approver, reason, date);
    await this.page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Close the finding' })).toBeFocused();
    await this.page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
  }

  /** Fills the approval dialog from the keyboard, leaving focus on the reason. */
  async fillApproval(dialog: Locator, approver: string, reason: string, date?: string): Promise<void> {
    await expect(dialog.getByLabel('Approved by')).toBeFocused();
    await this.page.keyboard.type(approver);
    await this.page.keyboard.press('Tab');
    // The field's label names its calendar button too; the date is typed in the box.
    await expect(dialog.getByRole('combobox', { name: 'Date of the decision' })).toBeFocused();
    if (date) {
      await this.page.keyboard.press('Control+a');
      await this.page.keyboard.type(date);
      await this.page.keyboard.press('Enter');
    }
    await this.page.keyboard.press('Tab');
    await expect(dialog.getByLabel('Reason for approving')).toBeFocused();
    await this.page.keyboard.type(reason);
  }
}
