import { useLayoutEffect, useRef } from 'react';

/**
 * Listens for keys anywhere in the window (the app's shortcuts). The listener is in place in the commit that
 * draws its component, before the browser paints it: a key pressed as soon as the screen shows is never
 * missed, as it could be by a passive effect that runs after a long first drawing. The latest handler is
 * always the one called, so it may use the component's current state.
 */
export function useWindowKeys(onKey: (e: KeyboardEvent) => void): void {
  const latest = useRef(onKey);
  useLayoutEffect(() => {
    latest.current = onKey;
  });
  useLayoutEffect(() => {
    const listener = (e: KeyboardEvent) => latest.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
