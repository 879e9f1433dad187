import { blockInlines, type DocBlock, type Inline } from './document-model';
import type { TextRange } from './text-range';

/** The shown stretch (paragraph, heading, list item or table cell) holding a stored offset, or the next one after it. */
export function inlineAt(blocks: DocBlock[], offset: number): Inline | null {
  let next: Inline | null = null;
  for (const block of blocks) {
    if (block.end < offset) continue;
    for (const part of blockInlines(block)) {
      if (part.runs.length === 0) continue;
      if (part.start <= offset && offset <= part.end) return part;
      if (part.start > offset && !next) next = part;
    }
    if (next) return next;
  }
  return next;
}

/** A range shrunk to the shown characters it covers: never starting or ending inside hidden markup or space. */
export function shownRange(text: string, part: Inline, range: TextRange): TextRange | null {
  const runs = part.runs.filter((r) => r.end > range.start && r.start < range.end);
  const first = runs[0];
  const last = runs[runs.length - 1];
  if (!first || !last) return null;
  let start = Math.max(first.start, range.start);
  let end = Math.min(last.end, range.end);
  while (start < end && /\s/.test(text[start] ?? '')) start += 1;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
  return end > start ? { start, end } : null;
}

/** The paragraph (or list item, heading, table cell) at an offset, as the range of its shown text. */
export function paragraphAt(text: string, blocks: DocBlock[], offset: number): TextRange | null {
  const part = inlineAt(blocks, offset);
  return part ? shownRange(text, part, { start: part.start, end: part.end }) : null;
}

/** Ends a sentence: a full stop, question or exclamation mark, with any closing quotes and brackets, then space. */
const SENTENCE_END = /[.!?…]["'”’)\]]*\s+/g;
/** Common abbreviations that end in a full stop but not a sentence. */
const ABBREVIATION = /(?:\b(?:e\.g|i\.e|etc|cf|vs|no|Mr|Mrs|Ms|Dr|Insp|Supt|Ch|C\/Insp|Det|Sgt|PC|St)|\b[A-Z])\.$/;

/** The sentence at an offset, within its paragraph, as the range of its shown text. */
export function sentenceAt(text: string, blocks: DocBlock[], offset: number): TextRange | null {
  const part = inlineAt(blocks, offset);
  if (!part) return null;
  const at = Math.max(part.start, Math.min(offset, part.end));
  let start = part.start;
  let end = part.end;
  const body = text.slice(part.start, part.end);
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(body); m; m = SENTENCE_END.exec(body)) {
    const stop = part.start + m.index;
    if (ABBREVIATION.test(body.slice(Math.max(0, m.index - 8), m.index + 1))) continue;
    const next = stop + m[0].length;
    if (next <= at) start = next;
    else {
      end = stop + m[0].trimEnd().length;
      break;
    }
  }
  return shownRange(text, part, { start, end });
}

/** The words the officer sees in a stored range: markup left out, shown stretches joined by a space or a new line. */
export function shownText(text: string, blocks: DocBlock[], range: TextRange): string {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.end <= range.start || block.start >= range.end) continue;
    const cells: string[] = [];
    for (const part of blockInlines(block)) {
      const words = part.runs
        .filter((r) => r.end > range.start && r.start < range.end)
        .map((r) => text.slice(Math.max(r.start, range.start), Math.min(r.end, range.end)))
        .join('');
      if (words.trim()) cells.push(words.trim());
    }
    if (cells.length === 0) continue;
    lines.push(block.type === 'table' ? cells.join(' ') : cells.join('\n'));
  }
  return lines.join('\n');
}
