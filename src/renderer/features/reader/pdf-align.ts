import { diffArrays } from 'diff';
import type { PageRange } from '../../../shared/domain/anchor';
import type { TextRange } from './text-range';
import { foldChar } from './visible-text';

/** A character of the page's text layer: pdf.js's text item and the character inside it. */
export interface LayerPoint {
  item: number;
  char: number;
}

/** A stretch of one text item, [from, to) in its characters. */
export interface LayerSpan {
  item: number;
  from: number;
  to: number;
}

export interface PageAlignment {
  /** The parts of the page's text items showing a stored range. */
  spans(range: TextRange): LayerSpan[];
  /** The stored range shown by a stretch of the text layer (a selection on the page); null when none of it is in the stored text. */
  storedRange(start: LayerPoint, end: LayerPoint): TextRange | null;
  /** Share of the stored page's characters found on the page, 0–1. */
  matched: number;
}

/** Beyond this many differing characters a page is taken as laid out too differently to align (e.g. reordered columns). */
const MAX_EDITS = 4000;

/**
 * Lines up a page's stored text with pdf.js's text items for the same page. The stored text may differ
 * from what is drawn — lines joined, hyphens undone, running headers, footers and page numbers dropped —
 * so the two are compared as their non-space characters (case and quote style folded) by a minimal diff;
 * characters on both sides are paired and the rest are left out.
 */
export function alignPage(text: string, page: PageRange, items: readonly string[]): PageAlignment {
  const stored: string[] = [];
  const storedAt: number[] = [];
  for (let i = page.start; i < page.end; i += 1) {
    const c = text[i] ?? '';
    if (/\s/.test(c)) continue;
    stored.push(foldChar(c));
    storedAt.push(i);
  }
  const layer: string[] = [];
  const layerAt: LayerPoint[] = [];
  items.forEach((str, item) => {
    for (let char = 0; char < str.length; char += 1) {
      const c = str[char] ?? '';
      if (/\s/.test(c)) continue;
      layer.push(foldChar(c));
      layerAt.push({ item, char });
    }
  });

  /** toLayer[k] = index in `layer` of stored character k, or -1. */
  const toLayer = new Int32Array(stored.length).fill(-1);
  /** toStored[k] = index in `stored` of layer character k, or -1. */
  const toStored = new Int32Array(layer.length).fill(-1);
  const changes = diffArrays(stored, layer, { maxEditLength: MAX_EDITS });
  let s = 0;
  let l = 0;
  let paired = 0;
  for (const change of changes ?? []) {
    const count = change.count ?? change.value.length;
    if (change.added) l += count;
    else if (change.removed) s += count;
    else {
      for (let k = 0; k < count; k += 1) {
        toLayer[s + k] = l + k;
        toStored[l + k] = s + k;
      }
      s += count;
      l += count;
      paired += count;
    }
  }

  /** First stored character at or after a stored offset (binary search over storedAt). */
  const storedIndex = (offset: number) => {
    let lo = 0;
    let hi = storedAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((storedAt[mid] ?? 0) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** Index in `layer` of a layer point, or of the first non-space character after it. */
  const layerIndex = (point: LayerPoint) => {
    let lo = 0;
    let hi = layerAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const at = layerAt[mid]!;
      if (at.item < point.item || (at.item === point.item && at.char < point.char)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  return {
    matched: stored.length === 0 ? 1 : paired / stored.length,
    spans(range) {
      const spans: LayerSpan[] = [];
      for (let k = storedIndex(range.start); k < storedAt.length && (storedAt[k] ?? 0) < range.end; k += 1) {
        const at = toLayer[k] ?? -1;
        if (at < 0) continue;
        const { item, char } = layerAt[at]!;
        const last = spans[spans.length - 1];
        // Characters of one item next to each other (or with only spaces between) make one span.
        if (last && last.item === item && char >= last.to && /^\s*$/.test((items[item] ?? '').slice(last.to, char))) last.to = char + 1;
        else spans.push({ item, from: char, to: char + 1 });
      }
      return spans;
    },
    storedRange(start, end) {
      let from = -1;
      for (let k = layerIndex(start); k < layer.length; k += 1) {
        if ((toStored[k] ?? -1) >= 0) {
          from = k;
          break;
        }
      }
      let to = -1;
      for (let k = layerIndex(end) - 1; k >= 0; k -= 1) {
        if ((toStored[k] ?? -1) >= 0) {
          to = k;
          break;
        }
      }
      if (from < 0 || to < from) return null;
      const a = storedAt[toStored[from]!]!;
      const b = storedAt[toStored[to]!]! + 1;
      return b > a ? { start: a, end: b } : null;
    },
  };
}
