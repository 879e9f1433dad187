import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range, type Virtualizer } from '@tanstack/react-virtual';

/** The nearest ancestor that scrolls up and down (the page's content area, a side pane). */
function scrollParent(element: HTMLElement | null): HTMLElement | null {
  for (let el = element?.parentElement ?? null; el; el = el.parentElement) {
    const { overflowY } = getComputedStyle(el);
    if (overflowY === 'auto' || overflowY === 'scroll') return el;
  }
  return null;
}

/**
 * An item's height from the resize observer, which reports it after the browser has laid the page out
 * anyway. When an item is first drawn its known height (or the estimate) stands until then: asking the
 * element itself there would lay the page out once more inside React's commit, for every item drawn.
 */
function observedHeight(element: Element, entry: ResizeObserverEntry | undefined, instance: Virtualizer<HTMLElement, Element>): number {
  const box = entry?.borderBoxSize?.[0];
  if (box) return Math.round(box.blockSize);
  const index = instance.indexFromElement(element);
  return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.options.estimateSize(index);
}

interface Options {
  count: number;
  /** A first guess at an item's height; each drawn item is then measured. */
  estimateSize: number;
  /** Stable keys, so a measured height follows its item when the list changes. */
  itemKey?: (index: number) => string | number;
  overscan?: number;
}

/**
 * Draws only the items of a long list that are in view (plus a few either side), inside whatever
 * already scrolls, so the page scrolls as it always did: the list starts where it stands in the page
 * (`scrollMargin`), and each drawn item is measured (observedHeight), so items of any height line up.
 * The item holding the keyboard focus is kept drawn even when scrolled away, so typing in it is never cut off.
 *
 * Render either spacers (`before`/`after`, for tables) or items placed at `start` in a box `height` high.
 */
export function useVirtualList({ count, estimateSize, itemKey, overscan = 6 }: Options) {
  // The list is taken up (what scrolls it, where it stands in it) once the browser has drawn it: asking inside
  // React's commit would lay the page out, and draw the list again, before its first drawing.
  const listRef = useRef<HTMLElement | null>(null);
  const setList = useCallback((element: HTMLElement | null) => {
    listRef.current = element;
  }, []);
  const [list, setDrawnList] = useState<HTMLElement | null>(null);
  // After every commit, as the list's element can come and go with any of them; it is set only when it changed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (listRef.current !== list) setDrawnList(listRef.current);
  });
  const scroller = useMemo(() => scrollParent(list), [list]);
  const [margin, setMargin] = useState(0);
  const [focused, setFocused] = useState<number | null>(null);

  /**
   * Where the list starts inside what scrolls; what stands above it (a banner, a progress bar) can move it. Only
   * which items are in view depends on it, never where they are drawn, so it can be brought up to date after a drawing.
   */
  const place = useCallback(() => {
    if (!list || !scroller) return;
    const top = list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
    setMargin((m) => (Math.abs(m - top) > 1 ? top : m));
  }, [list, scroller]);
  useEffect(place, [place, count]);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (focused === null || focused >= range.count || indexes.includes(focused)) return indexes;
      return [...indexes, focused].sort((a, b) => a - b);
    },
    [focused],
  );

  // The app does not use the React Compiler, whose memoising this hook's functions would defeat.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count,
    getScrollElement: () => scroller,
    estimateSize: () => estimateSize,
    getItemKey: itemKey,
    overscan,
    // Until what scrolls is found and measured (a frame or two after the list is first drawn), take it to
    // be the window: the first frame already shows the rows in view.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    scrollMargin: margin,
    rangeExtractor,
    measureElement: observedHeight,
    // Scrolling and resizing are when a moved list would show: place it again then.
    onChange: place,
  });
  const items = virtual.getVirtualItems();
  const total = virtual.getTotalSize();
  const first = items[0];
  const last = items[items.length - 1];

  /** Put on the list: notes which item holds the focus. */
  const onFocus = useCallback((e: FocusEvent<HTMLElement>) => {
    const index = (e.target as HTMLElement).closest<HTMLElement>('[data-index]')?.dataset.index;
    setFocused(index === undefined ? null : Number(index));
  }, []);
  const onBlur = useCallback((e: FocusEvent<HTMLElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(null);
  }, []);

  return {
    /** Put on the list's own element as its ref. */
    setList,
    items,
    /** Where an item starts within the list. */
    start: (item: { start: number }) => item.start - margin,
    height: total,
    before: first ? first.start - margin : 0,
    after: last ? total - (last.end - margin) : 0,
    measure: virtual.measureElement,
    scrollToIndex: virtual.scrollToIndex,
    focusProps: { onFocus, onBlur },
  };
}
