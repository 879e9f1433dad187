import type { PageRange } from '../../shared/domain/anchor';
import type { DocumentText, TextBlock } from './document-text';
import { HYPHEN_MARK, pageLines, usualStep, type LaidLine, type PageLayout } from './pdf-lines';

/** "3", "Page 3", "Page 3 of 12", "- 3 -", "3 | Page", "iv". */
const PAGE_NUMBER = /^(?:page\s+)?[-–—(\s]*(?:\d{1,4}|[ivxlc]{1,6})[-–—)\s]*(?:(?:of|\/)\s*\d{1,4})?(?:\s*\|\s*page)?$/i;
/** A contents entry: a title, a run of dots (or a tab) and a page number. */
const DOT_LEADER = /(?:\.\s?){4,}\s*\d{1,4}$|…{2,}\s*\d{1,4}$/;
/**
 * Prefixes that keep their hyphen when a line breaks after them and what follows is a word in its own right
 * ("anti-social", "re-offending", "well-being"; but "re-sponse" was "response" broken by the typesetter).
 */
const HYPHEN_PREFIXES = new Set([
  'anti', 'non', 'co', 're', 'self', 'well', 'cross', 'multi', 'pre', 'post', 'inter', 'sub', 'semi', 'cyber', 'long', 'short',
  'high', 'low', 'full', 'part', 'first', 'second', 'third', 'under', 'over', 'out', 'mid', 'pro', 'counter', 'up', 'mis', 'ill',
  'all', 'half', 'one', 'two', 'three', 'four', 'five', 'far', 'front', 'back', 'day', 'old', 'year', 'ex', 'fast', 'force',
]);

/**
 * Joins laid-out pages into one text as published, minus the furniture of print: running headers and
 * footers (a line at the top or bottom of most pages, page numbers aside), page numbers, contents lines with
 * dot leaders. A paragraph that runs over a page goes on in one piece; a word broken at a line end is
 * joined unless the document writes it hyphenated; lines in a larger type are headings. Page ranges and
 * blocks are offsets into the text returned, so every anchor made on it is exact.
 */
export function joinPages(layouts: PageLayout[]): DocumentText {
  const usual = usualStep(layouts);
  const pages = layouts.map((layout) => (layout ? pageLines(layout, usual) : []));
  const running = runningLines(pages);
  const kept = pages.map((lines) => lines.filter((line, i) => !isFurniture(line, i, lines, running)));
  const resolve = hyphenResolver(pages);
  const levels = headingLevels(kept);

  let text = '';
  const ranges: PageRange[] = [];
  const blocks: TextBlock[] = [];
  let previous: { line: LaidLine; kind: TextBlock['kind']; block: TextBlock } | null = null;
  kept.forEach((lines, p) => {
    let pageStart: number | null = null;
    for (const line of lines) {
      const body = resolve(line.text);
      const level = line.kind === 'paragraph' ? (levels.get(line.size) ?? null) : null;
      const kind: TextBlock['kind'] = level !== null && wordCount(body) <= 25 ? 'heading' : line.kind;
      const continues =
        previous !== null &&
        p > 0 &&
        lines[0] === line &&
        previous.line.open &&
        previous.kind === 'paragraph' &&
        kind === 'paragraph' &&
        /^\p{Ll}/u.test(body);
      if (continues && previous) {
        text += ' ';
        pageStart ??= text.length;
        text += body;
        previous.block.end = text.length;
        previous = { ...previous, line };
        continue;
      }
      if (previous) text += previous.kind === kind && (kind === 'list-item' || kind === 'table-row') ? '\n' : '\n\n';
      pageStart ??= text.length;
      const block: TextBlock = { kind, level: kind === 'heading' ? level : null, start: text.length, end: text.length + body.length };
      text += body;
      blocks.push(block);
      previous = { line, kind, block };
    }
    const start = pageStart ?? text.length;
    ranges.push({ page: p + 1, start, end: Math.max(start, text.length) });
  });
  return { format: 'pdf', text, pages: ranges, blocks };
}

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;
const normalised = (text: string): string => text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();

/** Lines that sit at the top or bottom edge of at least two pages and of two in five: running headers and footers. */
function runningLines(pages: LaidLine[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const seen = new Set<string>();
    for (const line of edgeLines(lines)) seen.add(normalised(line.text));
    for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const running = new Set<string>();
  const needed = Math.max(2, Math.ceil(pages.length * 0.4));
  for (const [key, count] of counts) if (count >= needed && key) running.add(key);
  return running;
}

/** The highest and lowest lines of a page, and any within a couple of lines of them. */
function edgeLines(lines: LaidLine[]): LaidLine[] {
  if (lines.length === 0) return [];
  const tops = Math.max(...lines.map((l) => l.top));
  const bottoms = Math.min(...lines.map((l) => l.bottom));
  return lines.filter((l) => l.kind !== 'table-row' && (tops - l.top <= l.size * 2.5 || l.bottom - bottoms <= l.size * 2.5));
}

function isFurniture(line: LaidLine, index: number, lines: LaidLine[], running: Set<string>): boolean {
  const text = line.text.trim();
  if (DOT_LEADER.test(text.replace(/\t/g, ' '))) return true;
  const edges = edgeLines(lines);
  if (!edges.includes(line)) return false;
  if (PAGE_NUMBER.test(text)) return true;
  return running.has(normalised(text)) && (index < 3 || index >= lines.length - 3);
}

/**
 * Decides each marked line-end hyphen from the document's own words: "neighbourhood" elsewhere joins
 * "neigh-bourhood"; "anti-social" elsewhere keeps its hyphen. Unseen either way, a known prefix keeps it.
 */
function hyphenResolver(pages: LaidLine[][]): (text: string) => string {
  const seen = new Map<string, number>();
  for (const lines of pages) {
    for (const line of lines) {
      for (const word of line.text.toLowerCase().match(/[\p{L}\uE000][\p{L}\uE000-]*/gu) ?? []) {
        if (!word.includes(HYPHEN_MARK)) seen.set(word, (seen.get(word) ?? 0) + 1);
      }
    }
  }
  const words = [...seen.keys()];
  return (text) => {
    if (!text.includes(HYPHEN_MARK)) return text;
    return text.replace(/(\p{L}*)\uE000(\p{L}*)/gu, (_match, left: string, right: string) => {
      const joined = `${left}${right}`.toLowerCase();
      const hyphenated = `${left}-${right}`.toLowerCase();
      const joinedCount = seen.get(joined) ?? 0;
      const hyphenCount = seen.get(hyphenated) ?? 0;
      const stem = right.toLowerCase().slice(0, 5);
      const prefixed = HYPHEN_PREFIXES.has(left.toLowerCase()) && right.length >= 3 && words.some((w) => w.startsWith(stem));
      const keep = hyphenCount > joinedCount || (hyphenCount === joinedCount && prefixed);
      return keep ? `${left}-${right}` : `${left}${right}`;
    });
  };
}

/** Font sizes clearly larger than the body text's are headings, the largest level 1. */
function headingLevels(pages: LaidLine[][]): Map<number, number> {
  const byChars = new Map<number, number>();
  for (const lines of pages) {
    for (const line of lines) {
      const size = Math.round(line.size * 2) / 2;
      byChars.set(size, (byChars.get(size) ?? 0) + line.text.length);
    }
  }
  let body = 0;
  let most = -1;
  for (const [size, chars] of byChars) {
    if (chars > most) {
      body = size;
      most = chars;
    }
  }
  const larger = [...byChars.keys()].filter((size) => size >= body * 1.12).sort((a, b) => b - a);
  const levels = new Map<number, number>();
  for (const lines of pages) {
    for (const line of lines) {
      const rank = larger.indexOf(Math.round(line.size * 2) / 2);
      if (rank >= 0) levels.set(line.size, Math.min(rank + 1, 4));
    }
  }
  return levels;
}
