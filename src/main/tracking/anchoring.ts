import type { PageRange, SourceAnchor } from '../../shared/domain/anchor';
import { AppError } from '../../shared/api/result';

/** An anchor as an annotation stores it: position and quote, plus the text either side. */
export type SavedAnchor = { anchor: SourceAnchor; prefix: string; suffix: string };

export type ReanchorStatus = 'exact' | 'moved' | 'fuzzy' | 'lost';

export type Reanchored = SavedAnchor & { status: ReanchorStatus };

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

/** Largest share of a quote's characters that may differ for it still to count as found. */
const FUZZY_TOLERANCE = 0.15;

/** Above this many cells (quote length × text length) the fuzzy search looks only at candidate windows. */
const FULL_SCAN_LIMIT = 4_000_000;

/** The page an offset falls on, or null when the document has no pages or the offset is outside them. */
export function pageAt(pages: readonly PageRange[] | undefined, offset: number): number | null {
  if (!pages || pages.length === 0) return null;
  let best: PageRange | null = null;
  for (const p of pages) {
    if (offset >= p.start && offset < p.end) return p.page;
    // Offsets in the gap between two pages (a page break) belong to the page before.
    if (p.start <= offset && (!best || p.start > best.start)) best = p;
  }
  return best ? best.page : null;
}

function savedAt(text: string, start: number, end: number, pages: readonly PageRange[] | undefined): SavedAnchor {
  return {
    anchor: { start, end, page: pageAt(pages, start), quote: text.slice(start, end) },
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
  };
}

/**
 * Anchors a selection made in the extracted text. Whitespace at either edge is dropped, because a
 * selection dragged in the viewer often catches a space or line break that says nothing about the passage.
 */
export function anchorSelection(
  text: string,
  start: number,
  end: number,
  pages?: readonly PageRange[],
): SavedAnchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new AppError(
      'invalid-input',
      `The selection ${start}–${end} is not a passage of this document (its text is ${text.length} characters long).`,
    );
  }
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  if (s === e) throw new AppError('invalid-input', 'The selection holds only spaces or line breaks.');
  return savedAt(text, s, e, pages);
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** How much of the saved context still surrounds a candidate passage. */
function contextScore(text: string, saved: SavedAnchor, start: number, end: number): number {
  const before = text.slice(Math.max(0, start - saved.prefix.length), start);
  const after = text.slice(end, end + saved.suffix.length);
  return commonSuffixLength(saved.prefix, before) + commonPrefixLength(saved.suffix, after);
}

type Candidate = { start: number; end: number; distance: number };

function better(text: string, saved: SavedAnchor, a: Candidate, b: Candidate): boolean {
  if (a.distance !== b.distance) return a.distance < b.distance;
  const ca = contextScore(text, saved, a.start, a.end);
  const cb = contextScore(text, saved, b.start, b.end);
  if (ca !== cb) return ca > cb;
  return Math.abs(a.start - saved.anchor.start) < Math.abs(b.start - saved.anchor.start);
}

function exactOccurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) found.push(i);
  return found;
}

/**
 * Approximate substring search (Sellers' algorithm): for every end position in text[from, to), the
 * smallest edit distance between the pattern and any substring ending there, with where it starts.
 * Keeps the best match of each run of neighbouring end positions that come within maxErrors.
 */
function approximateMatches(text: string, pattern: string, from: number, to: number, maxErrors: number): Candidate[] {
  const m = pattern.length;
  let cost = new Int32Array(m + 1);
  let origin = new Int32Array(m + 1);
  let nextCost = new Int32Array(m + 1);
  let nextOrigin = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) cost[i] = i;
  origin.fill(from);
  const found: Candidate[] = [];
  let run: Candidate | null = null;
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    nextCost[0] = 0;
    nextOrigin[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      const diagonal = (cost[i - 1] as number) + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      const skipText = (cost[i] as number) + 1;
      const skipPattern = (nextCost[i - 1] as number) + 1;
      if (diagonal <= skipText && diagonal <= skipPattern) {
        nextCost[i] = diagonal;
        nextOrigin[i] = origin[i - 1] as number;
      } else if (skipText <= skipPattern) {
        nextCost[i] = skipText;
        nextOrigin[i] = origin[i] as number;
      } else {
        nextCost[i] = skipPattern;
        nextOrigin[i] = nextOrigin[i - 1] as number;
      }
    }
    [cost, nextCost] = [nextCost, cost];
    [origin, nextOrigin] = [nextOrigin, origin];
    const distance = cost[m] as number;
    if (distance <= maxErrors) {
      const here = { start: origin[m] as number, end: j + 1, distance };
      if (!run) run = here;
      else if (distance < run.distance) run = here;
    } else if (run) {
      found.push(run);
      run = null;
    }
  }
  if (run) found.push(run);
  return found;
}

/** Text windows worth a fuzzy search: around the old position and around surviving pieces of the quote. */
function candidateWindows(text: string, saved: SavedAnchor, slack: number): Array<[number, number]> {
  const quote = saved.anchor.quote;
  const m = quote.length;
  const windows: Array<[number, number]> = [];
  const around = (at: number): void => {
    windows.push([Math.max(0, at - slack), Math.min(text.length, at + m + slack)]);
  };
  around(Math.min(saved.anchor.start, text.length));
  const pieceCount = Math.max(2, Math.min(8, Math.floor(m / 16)));
  const pieceLength = Math.floor(m / pieceCount);
  for (let p = 0; p < pieceCount; p++) {
    const offset = p * pieceLength;
    const piece = quote.slice(offset, offset + pieceLength);
    if (piece.trim().length < 4) continue;
    // A piece found everywhere (a common word) would only waste time.
    const hits = exactOccurrences(text, piece).slice(0, 50);
    for (const hit of hits) around(hit - offset);
  }
  windows.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else merged.push([w[0], w[1]]);
  }
  return merged;
}

/** Edges of a fuzzy match can land mid-word or on a space; trims spaces so the quote reads cleanly. */
function trimmed(text: string, c: Candidate): Candidate {
  let { start, end } = c;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end, distance: c.distance };
}

/**
 * Finds a saved passage again after the document's text has changed (re-extraction, a corrected
 * import). 'exact': still at the same offsets; 'moved': the same words elsewhere (the occurrence whose
 * context matches best, then the nearest); 'fuzzy': slightly different words; 'lost': not found, and the
 * saved anchor is returned unchanged. Without pages, an exact anchor keeps its page and others get none.
 */
export function reanchor(text: string, saved: SavedAnchor, pages?: readonly PageRange[]): Reanchored {
  const { quote, start, end } = saved.anchor;
  if (quote.length === 0) return { ...saved, status: 'lost' };
  const located = (s: number, e: number, status: ReanchorStatus): Reanchored => {
    const again = savedAt(text, s, e, pages);
    if (!pages && status === 'exact') again.anchor.page = saved.anchor.page;
    return { ...again, status };
  };
  if (text.slice(start, end) === quote) return located(start, end, 'exact');

  const exact = exactOccurrences(text, quote).map((s) => ({ start: s, end: s + quote.length, distance: 0 }));
  const bestExact = exact.reduce<Candidate | null>((b, c) => (!b || better(text, saved, c, b) ? c : b), null);
  if (bestExact) return located(bestExact.start, bestExact.end, 'moved');

  // Short quotes must match exactly: one edit in a few letters makes a different word.
  const maxErrors = Math.floor(quote.length * FUZZY_TOLERANCE);
  if (maxErrors === 0) return { ...saved, status: 'lost' };
  const windows: Array<[number, number]> =
    quote.length * text.length <= FULL_SCAN_LIMIT
      ? [[0, text.length]]
      : candidateWindows(text, saved, Math.max(2000, 2 * maxErrors));
  let best: Candidate | null = null;
  for (const [from, to] of windows) {
    for (const c of approximateMatches(text, quote, from, to, maxErrors)) {
      const t = trimmed(text, c);
      if (t.end > t.start && (!best || better(text, saved, t, best))) best = t;
    }
  }
  if (best) return located(best.start, best.end, 'fuzzy');
  return { ...saved, status: 'lost' };
}
