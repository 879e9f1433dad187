import { escapeRegExp, snippetAround } from './query';

export interface Passage {
  start: number;
  end: number;
  snippet: string;
}

interface Line {
  lineStart: number;
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
 * word boundaries around its first match. `folded` is the text in lower case without accents, offset
 * for offset (foldText), where the words are looked for. Null when no word is in the text.
 */
export function bestPassage(text: string, folded: string, clauseWords: readonly (readonly string[])[]): Passage | null {
  const clauseOf = new Map<string, number>();
  clauseWords.forEach((words, c) => {
    for (const word of words) clauseOf.set(word, (clauseOf.get(word) ?? 0) | (1 << Math.min(c, 30)));
  });
  if (clauseOf.size === 0) return null;
  const pattern = new RegExp(
    `\\b(?:${[...clauseOf.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|')})\\b`,
    'g',
  );
  let best: Line | null = null;
  let line: Line | null = null;
  const better = (a: Line, b: Line | null) =>
    !b || popcount(a.mask) > popcount(b.mask) || (popcount(a.mask) === popcount(b.mask) && a.matches > b.matches);
  for (const match of folded.matchAll(pattern)) {
    const at = match.index;
    const lineStart = folded.lastIndexOf('\n', at) + 1;
    if (!line || line.lineStart !== lineStart) {
      if (line && better(line, best)) best = line;
      line = { lineStart, first: at, mask: 0, matches: 0 };
    }
    line.mask |= clauseOf.get(match[0]) ?? 0;
    line.matches++;
  }
  if (line && better(line, best)) best = line;
  return best && passageOf(text, folded, best);
}

function passageOf(text: string, folded: string, best: Line): Passage {
  const lineEnd = folded.indexOf('\n', best.first);
  let start = best.lineStart;
  let end = lineEnd === -1 ? text.length : lineEnd;
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
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<\/?b>|\*\*/g, '');
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
