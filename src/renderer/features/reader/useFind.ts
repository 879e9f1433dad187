import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { DocBlock } from './document-model';
import type { HighlightRange } from './highlights';
import type { TextRange } from './selection';
import { findMatches, visibleText } from './visible-text';
import { useWindowKeys } from '../../hooks/useWindowKeys';

export interface Find {
  open: boolean;
  query: string;
  setQuery: (query: string) => void;
  matches: TextRange[];
  /** Index of the current match, -1 when there is none. */
  current: number;
  step: (by: 1 | -1) => void;
  /** Opens find, or puts the cursor back in it. */
  show: () => void;
  close: () => void;
  /** The matches as highlights, the current one marked. */
  ranges: HighlightRange[];
}

/**
 * Find in the report: Ctrl+F opens it (or puts the cursor back in it) wherever focus is in the window,
 * matches what is shown (markup ignored) as the officer types, and closing it puts focus back where it was.
 */
export function useFind(text: string, blocks: DocBlock[], input: RefObject<HTMLInputElement | null>, fallbackFocus: () => void): Find {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const [focusRequest, setFocusRequest] = useState(0);
  const [returnRequest, setReturnRequest] = useState(0);
  const returnTo = useRef<HTMLElement | null>(null);
  const deferred = useDeferredValue(query);
  const visible = useMemo(() => (open ? visibleText(text, blocks) : null), [open, text, blocks]);
  const matches = useMemo(() => (visible && open ? findMatches(visible, deferred) : []), [visible, deferred, open]);

  useEffect(() => setCurrent(0), [deferred]);

  const show = () => {
    if (document.activeElement !== input.current && document.activeElement instanceof HTMLElement) returnTo.current = document.activeElement;
    setOpen(true);
    setFocusRequest((n) => n + 1);
  };

  // In the commit that shows the bar, so keys typed straight after Ctrl+F land in it: a timer could run after
  // them, because the browser handles input before timers.
  useLayoutEffect(() => {
    if (focusRequest === 0) return;
    input.current?.focus();
    input.current?.select();
  }, [focusRequest, input]);

  useWindowKeys((e) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'f') return;
    e.preventDefault();
    // Not from inside a dialog: find sits behind it and could not take the cursor.
    if (e.target instanceof Element && e.target.closest('[role="dialog"], [role="alertdialog"]')) return;
    show();
  });

  const close = useCallback(() => {
    setOpen(false);
    setQuery('');
    setReturnRequest((n) => n + 1);
  }, []);

  useLayoutEffect(() => {
    if (returnRequest === 0) return;
    const target = returnTo.current;
    if (target?.isConnected) target.focus({ preventScroll: true });
    else fallbackFocus();
    // Only when find closes, not when the fallback changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [returnRequest]);

  const step = useCallback(
    (by: 1 | -1) => {
      if (matches.length === 0) return;
      setCurrent((c) => (c + by + matches.length) % matches.length);
    },
    [matches.length],
  );

  const index = matches.length === 0 ? -1 : Math.min(current, matches.length - 1);
  const ranges = useMemo<HighlightRange[]>(
    () => matches.map((m, i) => ({ start: m.start, end: m.end, kind: i === index ? 'find-current' : 'find', id: `find-${i}` })),
    [matches, index],
  );

  return { open, query, setQuery, matches, current: index, step, show, close, ranges };
}
