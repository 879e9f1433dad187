import type { PageRange } from '../../../shared/domain/anchor';
import { inlineRuns, type Run } from './inline-markup';

/** A stretch of text shown as one unit (a paragraph, a list item, a table cell) and its visible runs. */
export interface Inline {
  start: number;
  end: number;
  runs: Run[];
}

export interface TableRow {
  start: number;
  end: number;
  /** The row above a markdown separator (`|---|---|`). */
  header: boolean;
  cells: Inline[];
}

interface BlockBase {
  /** Where the block's lines begin and end in the stored text (markup included). */
  start: number;
  end: number;
  /** Set on the first block of each PDF page, so the page number can be shown above it. */
  pageStart: number | null;
}

export type DocBlock =
  | (BlockBase & { type: 'heading'; level: number; content: Inline })
  | (BlockBase & { type: 'paragraph'; content: Inline })
  | (BlockBase & { type: 'list'; ordered: boolean; items: Inline[] })
  | (BlockBase & { type: 'table'; rows: TableRow[] })
  | (BlockBase & { type: 'rule' });

type Line =
  | { kind: 'blank'; start: number; end: number }
  | { kind: 'heading'; start: number; end: number; level: number; from: number; to: number }
  | { kind: 'rule'; start: number; end: number; char: string }
  | { kind: 'setext'; start: number; end: number; level: number }
  | { kind: 'separator'; start: number; end: number }
  | { kind: 'row'; start: number; end: number; cells: Array<[number, number]> }
  | { kind: 'item'; start: number; end: number; ordered: boolean; from: number; to: number; indent: number }
  | { kind: 'text'; start: number; end: number; from: number; to: number; indent: number };

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))??(?:[ \t]+#+)?[ \t]*$/d;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const PIPE_SEPARATOR = /^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$/;
const PIPE_ROW = /^[ \t]*\|.*\|[ \t]*$/;
const BULLET = /^([ \t]*)([-*+•▪◦●‣∙])[ \t]+(?=\S)/u;
const NUMBERED = /^([ \t]*)(?:\d{1,3}|[ivxlcdm]{1,7}|[IVXLCDM]{1,7}|[a-zA-Z])[.)][ \t]+(?=\S)/;

/** The first and last non-space character of text[from, to), as a half-open range. */
function trimmed(text: string, from: number, to: number): [number, number] {
  let a = from;
  let b = to;
  while (a < b && /\s/.test(text[a] ?? '')) a += 1;
  while (b > a && /\s/.test(text[b - 1] ?? '')) b -= 1;
  return [a, b];
}

function pipeCells(text: string, start: number, end: number): Array<[number, number]> {
  const [from, to] = trimmed(text, start, end);
  const inner = [from + 1, text[to - 1] === '|' && to - 1 > from ? to - 1 : to];
  const cells: Array<[number, number]> = [];
  let cellStart = inner[0] ?? from;
  for (let i = cellStart; i < (inner[1] ?? to); i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '|') {
      cells.push(trimmed(text, cellStart, i));
      cellStart = i + 1;
    }
  }
  cells.push(trimmed(text, cellStart, inner[1] ?? to));
  return cells;
}

function tabCells(text: string, start: number, end: number): Array<[number, number]> {
  const cells: Array<[number, number]> = [];
  let cellStart = start;
  for (let i = start; i <= end; i += 1) {
    if (i === end || text[i] === '\t') {
      cells.push(trimmed(text, cellStart, i));
      cellStart = i + 1;
    }
  }
  // A leading tab leaves an empty first cell, as the row's label column; trailing tabs are only padding.
  while (cells.length > 1 && cells[cells.length - 1]![0] === cells[cells.length - 1]![1]) cells.pop();
  return cells;
}

function classify(text: string, start: number, end: number): Line {
  const line = text.slice(start, end);
  if (!line.trim()) return { kind: 'blank', start, end };
  let m = ATX.exec(line);
  if (m) {
    const [from, to] = m.indices?.[2] ?? [line.length, line.length];
    // A line of hashes alone is markup with nothing to show.
    if (from === to) return { kind: 'rule', start, end, char: '#' };
    return { kind: 'heading', start, end, level: m[1]!.length, from: start + from, to: start + to };
  }
  if (PIPE_SEPARATOR.test(line) && line.includes('|')) return { kind: 'separator', start, end };
  m = SETEXT.exec(line);
  if (m) return m[1]!.startsWith('=') ? { kind: 'setext', start, end, level: 1 } : { kind: 'rule', start, end, char: '-' };
  m = RULE.exec(line);
  if (m) return { kind: 'rule', start, end, char: m[1]! };
  if (PIPE_ROW.test(line)) return { kind: 'row', start, end, cells: pipeCells(text, start, end) };
  if (line.includes('\t')) {
    const cells = tabCells(text, start, end);
    if (cells.filter(([a, b]) => b > a).length >= 2) return { kind: 'row', start, end, cells };
  }
  const indent = line.length - line.trimStart().length;
  m = BULLET.exec(line);
  if (m) {
    const [a, b] = trimmed(text, start + m[0].length, end);
    return { kind: 'item', start, end, ordered: false, from: a, to: b, indent };
  }
  m = NUMBERED.exec(line);
  if (m) {
    // The number is part of what the report says ("I.", "2)"), so it stays visible.
    const [a, b] = trimmed(text, start + m[1]!.length, end);
    return { kind: 'item', start, end, ordered: true, from: a, to: b, indent };
  }
  const [a, b] = trimmed(text, start, end);
  return { kind: 'text', start, end, from: a, to: b, indent };
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const contentEnd = end > start && text[end - 1] === '\r' ? end - 1 : end;
    out.push(classify(text, start, contentEnd));
    if (end === text.length) break;
    start = end + 1;
  }
  return out;
}

const inline = (text: string, from: number, to: number): Inline => ({ start: from, end: to, runs: inlineRuns(text, from, to) });

/**
 * The stored text read as a document: headings, paragraphs, lists, tables and rules, each with the
 * exact character ranges of what is shown. The text is never changed; markup is simply not drawn.
 */
export function documentBlocks(text: string, pages: PageRange[]): DocBlock[] {
  const all = lines(text);
  const blocks: DocBlock[] = [];
  const explicitHeadings = all.some((l) => l.kind === 'heading' || l.kind === 'setext');
  let i = 0;
  while (i < all.length) {
    const line = all[i]!;
    const base = { start: line.start, end: line.end, pageStart: null };
    switch (line.kind) {
      case 'blank':
        i += 1;
        break;
      case 'heading':
        blocks.push({ ...base, type: 'heading', level: line.level, content: inline(text, line.from, line.to) });
        i += 1;
        break;
      case 'rule':
      case 'setext':
      case 'separator':
        if (line.kind !== 'rule' || line.char !== '#') blocks.push({ ...base, type: 'rule' });
        i += 1;
        break;
      case 'row': {
        const rows: TableRow[] = [];
        let end = line.end;
        while (i < all.length) {
          const next = all[i]!;
          if (next.kind === 'row') rows.push({ start: next.start, end: next.end, header: false, cells: next.cells.map(([a, b]) => inline(text, a, b)) });
          else if (next.kind === 'separator' && rows.length > 0) rows[rows.length - 1]!.header = true;
          else break;
          end = next.end;
          i += 1;
        }
        blocks.push({ ...base, end, type: 'table', rows });
        break;
      }
      case 'item': {
        const items: Inline[] = [];
        let end = line.end;
        while (i < all.length) {
          const next = all[i]!;
          if (next.kind === 'item' && next.ordered === line.ordered) {
            items.push(inline(text, next.from, next.to));
          } else if (next.kind === 'text' && next.indent > 0 && items.length > 0) {
            const last = items[items.length - 1]!;
            items[items.length - 1] = inline(text, last.start, next.to);
          } else break;
          end = next.end;
          i += 1;
        }
        blocks.push({ ...base, end, type: 'list', ordered: line.ordered, items });
        break;
      }
      case 'text': {
        let to = line.to;
        let end = line.end;
        i += 1;
        while (i < all.length && all[i]!.kind === 'text') {
          const next = all[i] as Extract<Line, { kind: 'text' }>;
          to = next.to;
          end = next.end;
          i += 1;
        }
        const underline = all[i];
        const single = end === line.end;
        if (single && underline && (underline.kind === 'setext' || (underline.kind === 'rule' && underline.char === '-' && /^\s*-+\s*$/.test(text.slice(underline.start, underline.end))))) {
          blocks.push({ ...base, end: underline.end, type: 'heading', level: underline.kind === 'setext' ? 1 : 2, content: inline(text, line.from, to) });
          i += 1;
        } else {
          blocks.push({ ...base, end, type: 'paragraph', content: inline(text, line.from, to) });
        }
        break;
      }
    }
  }
  if (!explicitHeadings) promoteTitleLines(text, blocks);
  markPages(blocks, pages);
  return blocks;
}

const visibleLength = (content: Inline) => content.runs.reduce((n, r) => n + r.end - r.start, 0);

/**
 * Text without heading markup (a web page, a Word file or a PDF flattened to text) still has titles: a
 * short line of its own, not ending like a sentence, above a longer paragraph, a list or a table, or a
 * question heading its section. Those are shown as headings.
 */
function promoteTitleLines(text: string, blocks: DocBlock[]): void {
  blocks.forEach((block, index) => {
    if (block.type !== 'paragraph') return;
    const { content } = block;
    const words = text.slice(content.start, content.end);
    if (words.includes('\n') || words.length > 100 || /[.,;:]["'”’)]?$/.test(words) || !/^[\p{Lu}\p{N}]/u.test(words)) return;
    if (words.split(/\s+/).length > 15) return;
    const next = blocks[index + 1];
    // Inspection reports head their sections with the question they answer.
    const question = words.endsWith('?') && next !== undefined;
    const introduces =
      question ||
      (next !== undefined &&
      (next.type === 'list' || next.type === 'table' || (next.type === 'paragraph' && visibleLength(next.content) > Math.max(2 * visibleLength(content), 60))));
    if (!introduces) return;
    blocks[index] = { start: block.start, end: block.end, pageStart: null, type: 'heading', level: 2, content };
  });
}

function markPages(blocks: DocBlock[], pages: PageRange[]): void {
  let block = 0;
  for (const page of pages) {
    while (block < blocks.length && (blocks[block]?.end ?? 0) <= page.start) block += 1;
    const first = blocks[block];
    if (first && first.start < page.end && first.pageStart === null) first.pageStart = page.page;
  }
}

/** Every shown stretch of a block, in reading order: its content, its list items, or its cells. */
export function blockInlines(block: DocBlock): Inline[] {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return [block.content];
    case 'list':
      return block.items;
    case 'table':
      return block.rows.flatMap((r) => r.cells);
    case 'rule':
      return [];
  }
}
