/**
 * Keys pressed after the page has loaded but before the window is first drawn: the drawing waits a moment
 * for the first screen's answers (hooks/first-reads.ts), and a shortcut pressed in that moment (Ctrl+5 for
 * Settings, Ctrl+K for search) is kept and pressed again once the app's shortcuts listen, rather than lost.
 */
const held: KeyboardEvent[] = [];
const hold = (e: KeyboardEvent) => held.push(e);
window.addEventListener('keydown', hold);

/** After the first drawing, in which the shortcuts start listening (hooks/useWindowKeys.ts). */
export function pressHeldKeys(): void {
  window.removeEventListener('keydown', hold);
  for (const e of held.splice(0)) window.dispatchEvent(new KeyboardEvent('keydown', e));
}
