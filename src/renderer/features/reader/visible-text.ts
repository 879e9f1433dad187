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
  const code = c.charCodeAt(0);
  // Plain ASCII, most of any report: no regular expression or locale lookup.
  if (code < 128) {
    if (code === 32 || (code >= 9 && code <= 13)) return ' ';
    return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c;
  }
  if (/\s/.test(c)) return ' ';
  const quote = QUOTES[c];
  if (quote) return quote;
  if (c === '\u2010' || c === '\u2011' || c === '\u2013' || c === '\u2212') return '-';
  const lower = c.toLowerCase();
  return lower.length === 1 ? lower : c;
}

export function visibleText(text: string, blocks: DocBlock[]): VisibleText {
  const chars: string[] = [];
  const offsets = new Int32Array(text.length + blocks.length * 8 + 1);
  let n = 0;
  let previous = '\n';
  for (const block of blocks) {
    for (const part of blockInlines(block)) {
      if (part.runs.length === 0) continue;
      if (n > 0 && previous !== '\n') {
        chars.push('\n');
        offsets[n++] = -1;
        previous = '\n';
      }
      for (const run of part.runs) {
        for (let i = run.start; i < run.end; i += 1) {
          const c = foldChar(text[i] ?? '');
          if (c === ' ' && (previous === ' ' || previous === '\n')) continue;
          chars.push(c);
          offsets[n++] = i;
          previous = c;
        }
      }
    }
  }
  return { text: chars.join(''), offsets: offsets.subarray(0, n) };
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
