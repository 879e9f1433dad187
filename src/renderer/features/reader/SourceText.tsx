import { forwardRef, Fragment, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { DocBlock } from './document-model';
import type { HighlightRange } from './highlights';
import { paragraphAt, sentenceAt } from './passages';
import { domRange, pointOffset, restoreSelection, selectionOffsets, selectionPoints, type SelectionPoints, type TextRange } from './selection';
import { applyCaretMove, caretMove, caretRect, wordsAtCaret } from './caret';
import { DocBlockView } from './DocBlockView';

const useStyles = makeStyles({
  root: {
    position: 'relative',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase400,
    maxWidth: '72ch',
    paddingBottom: tokens.spacingVerticalXXL,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '4px' },
  },
  page: {
    display: 'block',
    color: tokens.colorNeutralForeground3,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalS,
  },
  caret: {
    position: 'absolute',
    width: '2px',
    backgroundColor: tokens.colorNeutralForeground1,
    pointerEvents: 'none',
    animationName: { '0%': { opacity: 1 }, '50%': { opacity: 1 }, '51%': { opacity: 0 }, '100%': { opacity: 0 } },
    animationDuration: '1.1s',
    animationIterationCount: 'infinite',
    '@media (prefers-reduced-motion: reduce)': { animationName: 'none' },
  },
});

export type KeyboardSelection = 'keys' | 'sentence' | 'paragraph' | 'all';

export interface SourceTextHandle {
  /** The passage the officer has selected in the text, as offsets of the stored text. */
  selection(): TextRange | null;
  /** Selects a passage, as the officer would, and brings it into view. */
  select(range: TextRange): void;
  /** Brings a passage into view without selecting it. */
  reveal(range: TextRange): void;
  focus(): void;
}

interface Props {
  text: string;
  blocks: DocBlock[];
  ranges: HighlightRange[];
  activeId: string | null;
  onActivate: (range: HighlightRange) => void;
  /** The keyboard selected a passage (to announce it). */
  onKeyboardSelect: (range: TextRange, how: KeyboardSelection) => void;
  /** The caret moved onto these words (to announce them). */
  onCaretWords: (words: string) => void;
  labelledBy: string;
  describedBy: string;
}

/** Leaves room for the sticky toolbar above the text when scrolling a passage into view. */
const TOP_MARGIN = 96;

function scrollIntoView(rect: DOMRect, scroller: HTMLElement | null): void {
  if (!scroller) return;
  const box = scroller.getBoundingClientRect();
  if (rect.top < box.top + TOP_MARGIN) scroller.scrollTop -= box.top + TOP_MARGIN - rect.top;
  else if (rect.bottom > box.bottom - 24) scroller.scrollTop += rect.bottom - box.bottom + 24;
}

function scrollerOf(element: HTMLElement): HTMLElement | null {
  for (let e = element.parentElement; e; e = e.parentElement) {
    const overflow = getComputedStyle(e).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return e;
  }
  return null;
}

/**
 * The stored text shown as a document (headings, paragraphs, lists, tables), with PDF page numbers and
 * highlighted passages. Focus it and it behaves like a read-only document with a caret: arrow keys move,
 * Shift+arrow keys select, Alt+S selects the sentence and Alt+P the paragraph.
 */
export const SourceText = forwardRef<SourceTextHandle, Props>(function SourceText(
  { text, blocks, ranges, activeId, onActivate, onKeyboardSelect, onCaretWords, labelledBy, describedBy },
  ref,
) {
  const styles = useStyles();
  const root = useRef<HTMLDivElement>(null);
  const [caret, setCaret] = useState<{ top: number; left: number; height: number } | null>(null);
  const sorted = useMemo(() => [...ranges].sort((a, b) => a.start - b.start), [ranges]);

  const selectRange = useCallback((range: TextRange, reveal: boolean) => {
    const element = root.current;
    if (!element) return;
    const dom = domRange(element, range);
    if (!dom) return;
    if (!reveal) {
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(dom);
    }
    const rect = dom.getClientRects()[0] ?? dom.getBoundingClientRect();
    scrollIntoView(rect, scrollerOf(element));
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      selection: () => (root.current ? selectionOffsets(root.current) : null),
      select: (range) => selectRange(range, false),
      reveal: (range) => selectRange(range, true),
      focus: () => root.current?.focus({ preventScroll: true }),
    }),
    [selectRange],
  );

  useEffect(() => {
    if (!activeId) return;
    root.current?.querySelector(`mark[data-range-id="${CSS.escape(activeId)}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [activeId]);

  const updateCaret = useCallback(() => {
    const element = root.current;
    const selection = window.getSelection();
    if (!element || !selection || document.activeElement !== element) return setCaret(null);
    setCaret(caretRect(element, selection));
  }, []);

  // The officer's caret or selection, as offsets, so that when highlights are drawn again (new text
  // nodes replace the old) it is put back where it was rather than lost.
  const kept = useRef<SelectionPoints | null>(null);
  useEffect(() => {
    const onChange = () => {
      if (root.current) kept.current = selectionPoints(root.current);
      updateCaret();
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [updateCaret]);
  useLayoutEffect(() => {
    const element = root.current;
    const points = kept.current;
    if (!element || !points) return;
    const now = selectionPoints(element);
    const selection = window.getSelection();
    const elsewhere = selection?.anchorNode && !element.contains(selection.anchorNode) && selection.anchorNode.isConnected;
    if (elsewhere || (now && now.anchor === points.anchor && now.focus === points.focus)) return;
    restoreSelection(element, points);
  }, [sorted, blocks]);

  /** On focus from the keyboard the caret starts at the first line in view, where the officer is reading. */
  const placeCaret = () => {
    const element = root.current;
    const selection = window.getSelection();
    if (!element || !selection) return;
    if (selection.anchorNode && element.contains(selection.anchorNode)) return updateCaret();
    const top = scrollerOf(element)?.getBoundingClientRect().top ?? 0;
    const first = [...element.querySelectorAll('[data-run]')].find((run) => run.getBoundingClientRect().bottom > top + TOP_MARGIN);
    const point = first?.firstChild ?? first;
    if (point) selection.collapse(point, 0);
    updateCaret();
  };

  const caretOffset = (): number | null => {
    const element = root.current;
    const selection = window.getSelection();
    if (!element || !selection?.focusNode || !element.contains(selection.focusNode)) return null;
    return pointOffset(element, selection.focusNode, selection.focusOffset, 'start');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const element = root.current;
    const selection = window.getSelection();
    if (!element || !selection) return;
    const plainAlt = e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey;
    if (plainAlt && (e.key.toLowerCase() === 's' || e.key.toLowerCase() === 'p')) {
      e.preventDefault();
      const at = caretOffset();
      if (at === null) return;
      const how = e.key.toLowerCase() === 's' ? 'sentence' : 'paragraph';
      const range = how === 'sentence' ? sentenceAt(text, blocks, at) : paragraphAt(text, blocks, at);
      if (!range) return;
      selectRange(range, false);
      onKeyboardSelect(range, how);
      return;
    }
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      selection.selectAllChildren(element);
      const all = selectionOffsets(element);
      if (all) onKeyboardSelect(all, 'all');
      return;
    }
    if (e.key === 'Escape' && !selection.isCollapsed && element.contains(selection.anchorNode)) {
      e.preventDefault();
      e.stopPropagation();
      if (selection.focusNode) selection.collapse(selection.focusNode, selection.focusOffset);
      return;
    }
    const move = caretMove(e);
    if (!move) return;
    e.preventDefault();
    if (!selection.anchorNode || !element.contains(selection.anchorNode)) placeCaret();
    applyCaretMove(element, selection, move);
    const rect = caretRect(element, selection);
    if (rect) {
      const box = element.getBoundingClientRect();
      scrollIntoView(new DOMRect(box.left + rect.left, box.top + rect.top, 2, rect.height), scrollerOf(element));
    }
    if (move.extend) {
      const range = selectionOffsets(element);
      if (range) onKeyboardSelect(range, 'keys');
    } else {
      onCaretWords(wordsAtCaret(element, selection, move.granularity));
    }
  };

  return (
    <div
      ref={root}
      className={styles.root}
      data-testid="source-text"
      role="document"
      tabIndex={0}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onKeyDown={onKeyDown}
      onFocus={(e) => e.target === root.current && placeCaret()}
      onBlur={() => setCaret(null)}
    >
      {blocks.map((block) => {
        const here = sorted.filter((r) => r.start < block.end && r.end > block.start);
        return (
          <Fragment key={block.start}>
            {block.pageStart !== null && (
              <Caption1 className={styles.page} data-page={block.pageStart}>
                Page {block.pageStart}
              </Caption1>
            )}
            <DocBlockView
              block={block}
              text={text}
              ranges={here}
              activeId={here.some((r) => r.id === activeId) ? activeId : null}
              onActivate={onActivate}
            />
          </Fragment>
        );
      })}
      {caret && <span aria-hidden className={styles.caret} style={{ top: caret.top, left: caret.left, height: caret.height }} />}
    </div>
  );
});
