import { blockInlines, type DocBlock } from './document-model';
import type { TextRange } from './text-range';

/**
 * What the officer sees, as one string, with the stored-text offset of every character. Whitespace
 * runs become one space, quotes are straightened and letters lower-cased, so "Officers’" matches
 * "officers'"; a newline separates shown stretches (paragraphs, list items, cells) so that nothing
 * matches across them.
 */
export interface VisibleText {
  text: string;
  /** offsets[i] is the stored offset of text[i]; -1 for a separator. */
  offsets: Int32Array;
}

const QUOTES: Record<string, string> = { '‘': "'", '’': "'", '‚': "'", '′': "'", '“': '"', '”': '"', '„': '"', '″': '"' };

/** One character as find compares it; always one character long, so offsets stay one to one. */
export function foldChar(c: string): string {
  if (/\s/.test(c)) return ' ';
  const quote = QUOTES[c];
  if (quote) return quote;
  if (c === '\u2010' || c === '\u2011' || c === '\u2013' || c === '\u2212') return '-';
  const lower = c.toLowerCase();
  return lower.length === 1 ? lower : c;
}

export function visibleText(text: string, blocks: DocBlock[]): VisibleText {
  const chars: string[] = [];
  const offsets: number[] = [];
  const push = (c: string, offset: number) => {
    chars.push(c);
    offsets.push(offset);
  };
  for (const block of blocks) {
    for (const part of blockInlines(block)) {
      if (part.runs.length === 0) continue;
      if (chars.length > 0) push('\n', -1);
      for (const run of part.runs) {
        for (let i = run.start; i < run.end; i += 1) {
          const c = foldChar(text[i] ?? '');
          const previous = chars[chars.length - 1];
          if (c === ' ' && (previous === ' ' || previous === '\n' || previous === undefined)) continue;
          push(c, i);
        }
      }
    }
  }
  return { text: chars.join(''), offsets: Int32Array.from(offsets) };
}

/** The query as find compares it. */
export const foldQuery = (query: string): string => query.trim().split('').map(foldChar).join('').replace(/ {2,}/g, ' ');

/** At most this many matches are marked; a one-letter search in a long report would otherwise mark every line. */
export const MAX_MATCHES = 2000;

/** Every place the query appears in what is shown, as ranges of the stored text, in reading order. */
export function findMatches(visible: VisibleText, query: string): TextRange[] {
  const needle = foldQuery(query);
  if (!needle) return [];
  const matches: TextRange[] = [];
  for (let at = visible.text.indexOf(needle); at !== -1 && matches.length < MAX_MATCHES; at = visible.text.indexOf(needle, at + needle.length)) {
    const start = visible.offsets[at] ?? 0;
    const end = (visible.offsets[at + needle.length - 1] ?? start) + 1;
    matches.push({ start, end });
  }
  return matches;
}
