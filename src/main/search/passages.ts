import { snippetAround } from './query';
import type { Clause } from './term-index';
import { processTerm } from './terms';

export interface Passage {
  start: number;
  end: number;
  snippet: string;
}

/** A text's words as an index knows them: each word's term id (-1 if none) and where it starts. */
export interface WordTable {
  ids: Int32Array;
  starts: Uint32Array;
}

const WORD = /[^\n\r\p{Z}\p{P}]+/gu;

/**
 * Reads a text's words once, so that every keystroke after looks for the query's terms in a table of
 * numbers instead of the text: `termId` gives the index's id for a word.
 */
export function wordTable(text: string, termId: (term: string) => number | undefined): WordTable {
  const ids: number[] = [];
  const starts: number[] = [];
  const seen = new Map<string, number>();
  for (const match of text.matchAll(WORD)) {
    let id = seen.get(match[0]);
    if (id === undefined) {
      const term = processTerm(match[0]);
      const found = term ? termId(term) : undefined;
      id = found ?? -1;
      seen.set(match[0], id);
    }
    if (id === -1) continue;
    ids.push(id);
    starts.push(match.index);
  }
  return { ids: Int32Array.from(ids), starts: Uint32Array.from(starts) };
}

interface Line {
  lineStart: number;
  lineEnd: number;
  first: number;
  mask: number;
  matches: number;
}

/** A line longer than this is cut to a window around the match. */
const LONGEST_PASSAGE = 600;
const BEFORE = 200;
const AFTER = 400;

/**
 * The passage of a text that best answers a query: the line (a paragraph, a table row) holding the most
 * of the query's words, then the most matches, then the earliest; a long line is cut to a window at
 * word boundaries around its first match. Null when no word of the query is in the text.
 */
export function bestPassage(text: string, table: WordTable, clauses: readonly Clause[]): Passage | null {
  const clauseOf = new Map<number, number>();
  clauses.forEach(({ terms }, c) => {
    for (const { id } of terms) clauseOf.set(id, (clauseOf.get(id) ?? 0) | (1 << Math.min(c, 30)));
  });
  if (clauseOf.size === 0) return null;
  let best: Line | null = null;
  let line: Line | null = null;
  const better = (a: Line, b: Line | null) =>
    !b || popcount(a.mask) > popcount(b.mask) || (popcount(a.mask) === popcount(b.mask) && a.matches > b.matches);
  const { ids, starts } = table;
  for (let i = 0; i < ids.length; i++) {
    const mask = clauseOf.get(ids[i]!);
    if (mask === undefined) continue;
    const at = starts[i]!;
    if (!line || at >= line.lineEnd) {
      if (line && better(line, best)) best = line;
      const lineEnd = text.indexOf('\n', at);
      line = { lineStart: text.lastIndexOf('\n', at) + 1, lineEnd: lineEnd === -1 ? text.length : lineEnd, first: at, mask: 0, matches: 0 };
    }
    line.mask |= mask;
    line.matches++;
  }
  if (line && better(line, best)) best = line;
  return best && passageOf(text, best);
}

function passageOf(text: string, best: Line): Passage {
  let start = best.lineStart;
  let end = best.lineEnd;
  if (end - start > LONGEST_PASSAGE) {
    if (best.first - start > BEFORE) start = Math.min(wordStart(text, best.first - BEFORE), best.first);
    if (end - best.first > AFTER) end = Math.max(wordEnd(text, best.first + AFTER), best.first + 1);
  }
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  const passage = text.slice(start, end);
  const before = readable(passage.slice(0, Math.max(0, best.first - start)));
  return { start, end, snippet: snippetAround(readable(passage), before.length) };
}

/**
 * The passage as the reader shows it: texts from web pages and converted PDFs keep their markup
 * ([words](address) links, <b> and ** emphasis), which a snippet leaves out.
 */
function readable(text: string): string {
  return text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<\/?b>|\*\*/g, '');
}

function popcount(n: number): number {
  let count = 0;
  for (let v = n; v; v &= v - 1) count++;
  return count;
}

const wordStart = (text: string, at: number) => {
  const space = text.indexOf(' ', at);
  return space === -1 ? at : space + 1;
};

const wordEnd = (text: string, at: number) => {
  const space = text.lastIndexOf(' ', at);
  return space === -1 ? at : space;
};
