import { useEffect, useRef } from 'react';

const inDialog = (target: EventTarget | null) => target instanceof Element && target.closest('[role="dialog"], [role="alertdialog"]') !== null;

/**
 * Puts focus back where it was when a dialog closes. Focus outside dialogs is followed as it moves, so
 * when `open` turns false focus goes to the last place it was before the dialog took it; if that element
 * is gone (the row of a finding just removed) or disabled (Annotate, once the passage is annotated), to
 * `fallback`.
 */
export function useFocusReturn(open: boolean, fallback?: () => HTMLElement | null | undefined): void {
  const last = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(open);
  const fallbackRef = useRef(fallback);
  useEffect(() => {
    fallbackRef.current = fallback;
  });

  useEffect(() => {
    if (document.activeElement instanceof HTMLElement && !inDialog(document.activeElement)) last.current = document.activeElement;
    const onFocusIn = (e: FocusEvent) => {
      if (!inDialog(e.target) && e.target instanceof HTMLElement) last.current = e.target;
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, []);

  useEffect(() => {
    if (wasOpen.current && !open) {
      // After the dialog's own clean-up, which may move focus to the page's body.
      const timer = window.setTimeout(() => {
        const usable = (e: HTMLElement | null) => e?.isConnected && !e.matches(':disabled, [aria-disabled="true"]');
        const target = usable(last.current) ? last.current : fallbackRef.current?.();
        target?.focus({ preventScroll: true });
      }, 0);
      wasOpen.current = open;
      return () => window.clearTimeout(timer);
    }
    wasOpen.current = open;
  }, [open]);
}
