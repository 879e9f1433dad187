/**
 * Keyboard caret for read-only text, as a browser's caret browsing does it: Selection.modify moves or
 * extends the selection by character, word, line or paragraph, and the browser does the layout work.
 */

type Granularity = 'character' | 'word' | 'line' | 'lineboundary' | 'paragraph' | 'documentboundary';

export interface CaretMove {
  direction: 'forward' | 'backward';
  granularity: Granularity;
  extend: boolean;
}

/** What a key does to the caret, or null for keys the caret leaves alone. */
export function caretMove(e: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }): CaretMove | null {
  if (e.altKey) return null;
  const ctrl = e.ctrlKey || e.metaKey;
  const extend = e.shiftKey;
  switch (e.key) {
    case 'ArrowLeft':
      return { direction: 'backward', granularity: ctrl ? 'word' : 'character', extend };
    case 'ArrowRight':
      return { direction: 'forward', granularity: ctrl ? 'word' : 'character', extend };
    case 'ArrowUp':
      return { direction: 'backward', granularity: ctrl ? 'paragraph' : 'line', extend };
    case 'ArrowDown':
      return { direction: 'forward', granularity: ctrl ? 'paragraph' : 'line', extend };
    case 'Home':
      return { direction: 'backward', granularity: ctrl ? 'documentboundary' : 'lineboundary', extend };
    case 'End':
      return { direction: 'forward', granularity: ctrl ? 'documentboundary' : 'lineboundary', extend };
    default:
      return null;
  }
}

interface Snapshot {
  anchorNode: Node;
  anchorOffset: number;
  focusNode: Node;
  focusOffset: number;
}

const snapshot = (s: Selection): Snapshot | null =>
  s.anchorNode && s.focusNode ? { anchorNode: s.anchorNode, anchorOffset: s.anchorOffset, focusNode: s.focusNode, focusOffset: s.focusOffset } : null;

/** Applies a move; a move that would leave `root` (past the first or last word) is undone. */
export function applyCaretMove(root: HTMLElement, selection: Selection, move: CaretMove): void {
  const before = snapshot(selection);
  selection.modify(move.extend ? 'extend' : 'move', move.direction, move.granularity);
  if (before && (!selection.focusNode || !root.contains(selection.focusNode) || !root.contains(selection.anchorNode))) {
    selection.setBaseAndExtent(before.anchorNode, before.anchorOffset, before.focusNode, before.focusOffset);
  }
}

/** The words a move passed over or landed on, for a screen reader: the character, word or line after the caret. */
export function wordsAtCaret(root: HTMLElement, selection: Selection, granularity: Granularity): string {
  const before = snapshot(selection);
  if (!before) return '';
  if (granularity === 'line' || granularity === 'lineboundary' || granularity === 'paragraph' || granularity === 'documentboundary') {
    selection.modify('move', 'backward', 'lineboundary');
    selection.modify('extend', 'forward', 'lineboundary');
  } else {
    selection.modify('extend', 'forward', granularity);
  }
  const words = root.contains(selection.focusNode) ? selection.toString() : '';
  selection.setBaseAndExtent(before.anchorNode, before.anchorOffset, before.focusNode, before.focusOffset);
  if (granularity === 'character') return words === ' ' ? 'space' : words === '\n' ? 'new line' : words;
  return words.trim();
}

/** Where the caret is, relative to `root`, for drawing it. */
export function caretRect(root: HTMLElement, selection: Selection): { top: number; left: number; height: number } | null {
  if (!selection.focusNode || !root.contains(selection.focusNode)) return null;
  const range = document.createRange();
  range.setStart(selection.focusNode, selection.focusOffset);
  range.collapse(true);
  let rect: DOMRect | undefined = range.getClientRects()[0];
  if (!rect || (rect.height === 0 && rect.width === 0)) {
    const element = selection.focusNode instanceof Element ? selection.focusNode : selection.focusNode.parentElement;
    rect = element?.getBoundingClientRect();
  }
  if (!rect) return null;
  const box = root.getBoundingClientRect();
  return { top: rect.top - box.top, left: rect.left - box.left, height: rect.height || 18 };
}
