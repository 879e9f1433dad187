import type { TextRange } from './text-range';

export type { TextRange };

/**
 * The reader draws the stored text as runs: elements carrying `data-run` (the offset of their first
 * character) whose text is that slice of the stored text, character for character. Markup is never in
 * the page, so an offset inside a run is the run's offset plus the characters before it, and a point
 * between runs (a block's edge, a table cell's padding) belongs to the nearest run.
 */
const RUN = '[data-run]';

const runStart = (run: Element) => Number((run as HTMLElement).dataset.run);
const runEnd = (run: Element) => runStart(run) + (run.textContent ?? '').length;

/** The officer's selection inside `root`, as offsets of the stored text; null when nothing is selected there. */
export function selectionOffsets(root: HTMLElement): TextRange | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  return rangeOffsets(root, range);
}

/** A DOM range inside `root` as offsets of the stored text. */
export function rangeOffsets(root: HTMLElement, range: Range): TextRange | null {
  const start = pointOffset(root, range.startContainer, range.startOffset, 'start');
  const end = pointOffset(root, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** The stored offset of a DOM point (a caret position, a selection end). */
export function pointOffset(root: HTMLElement, node: Node, offset: number, edge: 'start' | 'end'): number | null {
  const element = node instanceof Element ? node : node.parentElement;
  const run = element?.closest(RUN);
  if (run && root.contains(run)) {
    const before = document.createRange();
    before.setStart(run, 0);
    before.setEnd(node, offset);
    return runStart(run) + before.toString().length;
  }
  const runs = root.querySelectorAll(RUN);
  const point = document.createRange();
  point.setStart(node, offset);
  // The first run that begins at or after the point; runs are in document order.
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (point.comparePoint(runs[mid]!, 0) >= 0) hi = mid;
    else lo = mid + 1;
  }
  if (edge === 'start') return lo < runs.length ? runStart(runs[lo]!) : null;
  return lo > 0 ? runEnd(runs[lo - 1]!) : null;
}

/**
 * The run holding a stored offset: for a start, the run whose characters begin at or after it; for an
 * end, the run whose characters end at or before it. An offset inside hidden markup so snaps to the
 * nearest shown character on the inner side.
 */
function runAt(root: HTMLElement, offset: number, edge: 'start' | 'end'): Element | null {
  const runs = root.querySelectorAll(RUN);
  const startsBefore = (run: Element) => (edge === 'start' ? runStart(run) <= offset : runStart(run) < offset);
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startsBefore(runs[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  const before = runs[lo - 1];
  if (edge === 'end') return before ?? null;
  return before && offset < runEnd(before) ? before : (runs[lo] ?? null);
}

/** The DOM point of a stored offset. */
export function domPoint(root: HTMLElement, offset: number, edge: 'start' | 'end'): { node: Node; offset: number } | null {
  const run = runAt(root, offset, edge);
  if (!run) return null;
  const inRun = Math.max(0, Math.min(offset, runEnd(run)) - runStart(run));
  const walker = document.createTreeWalker(run, NodeFilter.SHOW_TEXT);
  let seen = 0;
  let last: Node | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (inRun < seen + length || (edge === 'end' && inRun === seen + length)) return { node, offset: inRun - seen };
    seen += length;
    last = node;
  }
  return last ? { node: last, offset: last.textContent?.length ?? 0 } : { node: run, offset: 0 };
}

/** A DOM range covering the stored range, for selecting or scrolling to a passage. */
export function domRange(root: HTMLElement, range: TextRange): Range | null {
  // A caret is one point: just after the character before it.
  const end = domPoint(root, range.end, 'end');
  const start = range.start === range.end ? end : domPoint(root, range.start, 'start');
  if (!start || !end) return null;
  const dom = document.createRange();
  dom.setStart(start.node, start.offset);
  dom.setEnd(end.node, end.offset);
  return dom.collapsed && range.end > range.start ? null : dom;
}

/** The selection's two ends as stored offsets, keeping its direction (the focus is where the caret is). */
export interface SelectionPoints {
  anchor: number;
  focus: number;
}

export function selectionPoints(root: HTMLElement): SelectionPoints | null {
  const selection = window.getSelection();
  if (!selection?.anchorNode || !selection.focusNode || !root.contains(selection.anchorNode) || !root.contains(selection.focusNode)) return null;
  const backward = selection.anchorNode.compareDocumentPosition(selection.focusNode) & Node.DOCUMENT_POSITION_PRECEDING ||
    (selection.anchorNode === selection.focusNode && selection.focusOffset < selection.anchorOffset);
  const anchor = pointOffset(root, selection.anchorNode, selection.anchorOffset, backward ? 'end' : 'start');
  const focus = pointOffset(root, selection.focusNode, selection.focusOffset, backward ? 'start' : 'end');
  return anchor === null || focus === null ? null : { anchor, focus };
}

/** Puts a selection back where it was, e.g. after its text was drawn again with new highlights. */
export function restoreSelection(root: HTMLElement, points: SelectionPoints): void {
  const backward = points.focus < points.anchor;
  const anchor = domPoint(root, points.anchor, backward ? 'end' : 'start');
  const focus = domPoint(root, points.focus, backward ? 'start' : 'end');
  if (anchor && focus) window.getSelection()?.setBaseAndExtent(anchor.node, anchor.offset, focus.node, focus.offset);
}
