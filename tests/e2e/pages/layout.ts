import { expect, type Locator, type Page } from '@playwright/test';

/** The two window sizes every screen is looked at in: the common force laptop, and full HD. */
export const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

export type Size = (typeof SIZES)[number];

/** Rounding in layout (sub-pixel borders, zoom) is not breakage. */
const SLACK = 1;

/**
 * What is wrong with the layout on screen now, as sentences; [] when nothing is. Checks what a person at a
 * small screen would see broken: a page wider than the window, a dialog whose contents stick out of it,
 * a button whose label wraps or is cut off.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate((slack) => {
    const problems: string[] = [];
    const name = (el: Element) => {
      const label = el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().replace(/\s+/g, ' ');
      return `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} “${label.slice(0, 60)}”`;
    };
    const shown = (el: Element) => {
      if (el.closest('[data-tabster-dummy], [aria-hidden="true"]')) return false;
      const rect = el.getBoundingClientRect();
      // Visually hidden text for screen readers is 1 px square on purpose.
      if (rect.width <= 1 || rect.height <= 1) return false;
      const style = getComputedStyle(el);
      return style.visibility !== 'hidden' && style.display !== 'none';
    };

    // The page itself never scrolls sideways; nor does the content area beside the navigation.
    const root = document.scrollingElement!;
    if (root.scrollWidth > root.clientWidth + slack) problems.push(`the page is ${root.scrollWidth} px wide in a ${root.clientWidth} px window`);
    const main = document.querySelector('main');
    if (main && main.scrollWidth > main.clientWidth + slack) problems.push(`the content area scrolls sideways (${main.scrollWidth} px in ${main.clientWidth} px)`);

    // Every dialog's contents stay in its box: across always; down unless inside a part that scrolls.
    for (const dialog of document.querySelectorAll('[role="dialog"], [role="alertdialog"]')) {
      if (!shown(dialog)) continue;
      const box = dialog.getBoundingClientRect();
      for (const child of dialog.querySelectorAll('*')) {
        if (!shown(child)) continue;
        const rect = child.getBoundingClientRect();
        let scrolled = false;
        for (let el = child.parentElement; el && el !== dialog; el = el.parentElement) {
          if (/(auto|scroll)/.test(getComputedStyle(el).overflowY)) scrolled = true;
        }
        const across = rect.left < box.left - slack || rect.right > box.right + slack;
        const down = !scrolled && (rect.top < box.top - slack || rect.bottom > box.bottom + slack);
        if (across || down) {
          problems.push(
            `${name(child)} sticks out of the dialog “${dialog.getAttribute('aria-label') ?? dialog.querySelector('h2')?.textContent ?? ''}” ` +
              `(${Math.round(rect.left)}–${Math.round(rect.right)} × ${Math.round(rect.top)}–${Math.round(rect.bottom)} in ${Math.round(box.left)}–${Math.round(box.right)} × ${Math.round(box.top)}–${Math.round(box.bottom)})`,
          );
          break;
        }
      }
    }

    // A button's label is one line, shown whole. (Compound buttons have two lines by design.)
    for (const button of document.querySelectorAll('.fui-Button, .fui-ToggleButton, .fui-MenuButton')) {
      if (!shown(button)) continue;
      const lines = new Set<number>();
      const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) if (rect.width > 0) lines.add(Math.round(rect.top));
      }
      if (lines.size > 1) problems.push(`${name(button)} wraps onto ${lines.size} lines`);
      else if (button.scrollWidth > button.clientWidth + slack) problems.push(`${name(button)} is cut off (${button.scrollWidth} px of label in ${button.clientWidth} px)`);
    }
    return problems;
  }, SLACK);
}

/** Register rows wholly in view in the register's scrolling list of findings (below its fixed header row). */
export async function registerRowsInView(page: Page): Promise<number> {
  const body = page.getByRole('grid', { name: 'Findings register' }).getByRole('rowgroup', { name: 'Findings' });
  await expect(body.getByRole('row').first()).toBeVisible();
  return body.evaluate((scroller) => {
    const view = scroller.getBoundingClientRect();
    const bottom = Math.min(view.bottom, window.innerHeight);
    return [...scroller.querySelectorAll('[role="row"]')].filter((row) => {
      const rect = row.getBoundingClientRect();
      return rect.height > 0 && rect.top >= view.top - 1 && rect.bottom <= bottom + 1;
    }).length;
  });
}

/**
 * Looks at what is on screen at both sizes, as a person would before stopping: a screenshot of each in
 * test-results/screens, and the layout checks. `show`, if given, is scrolled into view first. The window is
 * left at the laptop size. Soft: the screen is shot at both sizes even when it is broken at the first.
 */
export async function lookAtBothSizes(page: Page, name: string, show?: Locator): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    if (show) await show.scrollIntoViewIfNeeded();
    // A frame for the layout to follow the new size (virtual lists measure again on resize).
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path: `test-results/screens/${name}-${size.width}x${size.height}.png` });
    expect.soft(await layoutProblems(page), `${name} at ${size.width}×${size.height}`).toEqual([]);
  }
  await page.setViewportSize(SIZES[0]);
}
