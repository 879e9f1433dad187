import { useEffect, useLayoutEffect, useRef } from 'react';

/** Focus can go there: in the page, not disabled. */
const usable = (e: HTMLElement | null | undefined): e is HTMLElement => !!e?.isConnected && !e.matches(':disabled, [aria-disabled="true"]');

/** Focus has fallen out of everything: what held it went, and the browser put it on the page itself. */
const dropped = () => document.activeElement === null || document.activeElement === document.body;

const TABBABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/** The first control inside `within` that focus can go to, if any (not Fluent's focus-passing stand-ins). */
const firstControl = (within: HTMLElement) =>
  [...within.querySelectorAll<HTMLElement>(TABBABLE)].find((e) => usable(e) && !e.hasAttribute('data-tabster-dummy') && e.getClientRects().length > 0);

/**
 * Puts focus back on what opened a dialog or panel when it closes (saved, cancelled or Escape): the element
 * that had focus in the commit that opened it; if that is gone (the row of a finding just removed) or
 * disabled (Annotate, once the passage is annotated, or a sign-off step the finding has passed), `fallback`.
 * Both happen in a layout effect, in the commit that opens or closes it: a key typed straight after closing
 * lands where focus went back to, where a timer could run after it (the browser handles input before timers).
 */
export function useFocusReturn(open: boolean, fallback?: () => HTMLElement | null | undefined): void {
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  const holding = useRef<(() => void) | null>(null);
  const fallbackRef = useRef(fallback);
  useEffect(() => {
    fallbackRef.current = fallback;
  });

  // Where the officer last acted: a dialog can take focus in the very commit that opens it (a field with
  // autofocus; Fluent's own layout effects run before this one), so what had focus then is no guide. The
  // control clicked, or the one focused when a key was pressed, is what opened it.
  const acted = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const onPointerDown = (e: PointerEvent) => {
      acted.current = e.target instanceof Element ? e.target.closest<HTMLElement>('button, [href], input, select, textarea, [tabindex]') : null;
    };
    const onKeyDown = () => {
      if (!dropped() && document.activeElement instanceof HTMLElement) acted.current = document.activeElement;
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('keydown', onKeyDown, true);
    };
  }, []);

  useLayoutEffect(() => {
    if (open && !wasOpen.current) {
      opener.current = usable(acted.current) ? acted.current : !dropped() && document.activeElement instanceof HTMLElement ? document.activeElement : null;
    } else if (!open && wasOpen.current) {
      const target = usable(opener.current) ? opener.current : fallbackRef.current?.();
      if (target) {
        target.focus({ preventScroll: true });
        holding.current?.();
        holding.current = holdFocus(target);
      }
      opener.current = null;
    }
    wasOpen.current = open;
  }, [open]);
  useEffect(() => () => holding.current?.(), []);
}

/** How long after a dialog closes focus is kept from falling to the page. */
const HOLD_MS = 1_000;

/**
 * For a moment after a dialog closes, puts focus back on `target` if it falls to the page: a dialog closed
 * as it opened (Escape on a busy machine) can still move focus into itself afterwards and then go, leaving
 * focus nowhere. Focus the officer moves elsewhere is left alone. Returns the way to stop early.
 */
function holdFocus(target: HTMLElement): () => void {
  let live = true;
  const onFocusOut = (e: FocusEvent) => {
    if (e.relatedTarget === null) queueMicrotask(() => live && dropped() && usable(target) && target.focus({ preventScroll: true }));
  };
  const stop = () => {
    live = false;
    window.clearTimeout(timer);
    document.removeEventListener('focusout', onFocusOut);
  };
  const timer = window.setTimeout(stop, HOLD_MS);
  document.addEventListener('focusout', onFocusOut);
  return stop;
}

/**
 * Keeps focus in an area (the content beside the navigation, the finding's panel) when what held it goes:
 * an action that removes or disables its own control (confirming a suggested link, archiving a report
 * from its row, signing a finding off) would otherwise drop focus to the page, where Escape no longer
 * closes the panel and Tab starts again from the top. Focus goes to the first control of the nearest part
 * of the area that is still there and has one (the list or section the control was in), or to the area.
 * Only a drop is mended: focus the officer moved elsewhere, or that a dialog took, is left alone, and a
 * dialog closing over a control that is gone is caught as focus falls to the page. `area` is an element
 * held in state (a callback ref), so the keeper starts once the area is drawn.
 */
export function useFocusKeeper(area: HTMLElement | null, active = true): void {
  useEffect(() => {
    if (!active || !area) return;
    // What held focus, then the elements around it, outermost last: the nearest one left is where focus goes.
    let around: HTMLElement[] = [];
    const follow = (target: EventTarget | null) => {
      if (!(target instanceof HTMLElement) || !area.contains(target)) return;
      around = [];
      for (let el: HTMLElement | null = target; el && el !== area; el = el.parentElement) around.push(el);
    };
    const rescue = () => {
      const held = around[0];
      if (!held || usable(held) || !dropped() || !area.isConnected) return;
      // The control itself may still be there, disabled: the place is around it, as near as has a control.
      let target: HTMLElement | undefined;
      for (const el of around.slice(1)) if (el.isConnected && (target = firstControl(el))) break;
      (target ?? firstControl(area) ?? area).focus({ preventScroll: true });
    };
    let live = true;
    const onFocusIn = (e: FocusEvent) => follow(e.target);
    // Focus leaving for nowhere: a dialog closed and the control it would go back to is gone. Rescued once the
    // event is over (focus has then fallen to the page), in a microtask, not a timer: before any key typed next.
    const onFocusOut = (e: FocusEvent) => {
      if (e.relatedTarget !== null) return;
      queueMicrotask(() => live && rescue());
    };
    follow(document.activeElement);
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    const observer = new MutationObserver(rescue);
    observer.observe(area, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'aria-disabled'] });
    return () => {
      live = false;
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
      observer.disconnect();
    };
  }, [area, active]);
}
