/** A run of text on one line as the PDF reader gives it (pdf-text.mjs): what layout needs. */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  eol: boolean;
}

/**
 * Marks a line-end hyphen whose fate (a hyphenated word such as "anti-social", or a word broken by the
 * typesetter such as "neigh-bourhood") is decided once the whole document's words are known (pdf-pages.ts).
 */
export const HYPHEN_MARK = '\uE000';

/** One block of a laid-out page: a paragraph with its wrapped lines joined, a list item, or a table row. */
export interface LaidLine {
  text: string;
  kind: 'paragraph' | 'list-item' | 'table-row';
  /** The largest font size in the block, in points. */
  size: number;
  /** Baselines of its first and last line (PDF units, larger is higher on the page). */
  top: number;
  bottom: number;
  /** Its last line runs to the right edge of its column without ending a sentence: it may go on overleaf. */
  open: boolean;
}

/** A page as laid out before its paragraphs are built: table rows, and runs of text down one column. */
export interface PageLayout {
  parts: PagePart[];
}

export type PagePart = { kind: 'rows'; rows: LaidLine[] } | { kind: 'group'; frags: Fragment[]; x0: number; x1: number; right: number };

/** Bullet glyphs, Word's Symbol and Wingdings ones (private-use code points in a PDF's text) among them. */
const GLYPHS = '•▪◦●‣∙⁃➢*–\\-\uF0B7\uF0A7\uF0D8\uF076\uF0FC';
/** A line that starts a list item rather than continuing the line above. */
const BULLET = new RegExp(`^([${GLYPHS}]|\\(?[0-9ivxIVX]{1,4}[.)]|\\(?[a-z][.)])\\s`, 'u');
const MARKER_ONLY = new RegExp(`^\\s*(?:[${GLYPHS}]|\\(?[0-9ivxIVX]{1,4}[.)]|\\(?[a-z][.)])\\s*$`, 'u');

/** A run of text on one baseline with no wide gap in it. */
export interface Fragment {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

/** Fragments that follow one another down one column: a paragraph run, a column of a page, or a table cell. */
interface Group {
  frags: Fragment[];
  x0: number;
  x1: number;
  top: number;
}

/**
 * Rebuilds a page from positioned text items, in the order the PDF draws them: runs on one baseline join
 * (a wide gap ends a run, as between table cells); runs that continue down one column form a group; groups
 * side by side at the same height, repeated row after row in the same columns, are a table and become one
 * tab-separated line per row; every other group becomes paragraphs, its wrapped lines joined (a line that
 * runs to the column's edge goes on in the next) and its line-end hyphens marked for pdf-pages.ts.
 */
export function layoutPage(items: PdfItem[]): PageLayout {
  const frags = fragmentsOf(items);
  const groups = groupsOf(frags);
  const tables = findTables(groups);
  const parts: PagePart[] = [];
  const inTables = new Set<Group>();
  for (const table of tables.values()) for (const row of table.rows) for (const g of row) inTables.add(g);
  for (let i = 0; i < groups.length; i += 1) {
    const table = tables.get(i);
    if (table) {
      parts.push({ kind: 'rows', rows: tableLines(table) });
      i = table.end - 1;
      continue;
    }
    const group = groups[i];
    if (!group) continue;
    // The column's right edge: where the longest lines starting where this group starts end.
    const size = group.frags[0]?.size ?? 10;
    let right = group.x1;
    for (const other of groups) {
      if (!inTables.has(other) && Math.abs(other.x0 - group.x0) <= size * 3) right = Math.max(right, other.x1);
    }
    parts.push({ kind: 'group', frags: group.frags, x0: group.x0, x1: group.x1, right });
  }
  return { parts };
}

/** The document's usual distance between baselines of one paragraph: the tightest common spacing. */
export function usualStep(layouts: PageLayout[]): number {
  const steps: number[] = [];
  for (const layout of layouts) {
    for (const part of layout?.parts ?? []) {
      if (part.kind !== 'group') continue;
      for (let i = 1; i < part.frags.length; i += 1) {
        const a = part.frags[i - 1];
        const b = part.frags[i];
        if (!a || !b) continue;
        const step = a.y - b.y;
        if (step > 0 && step < Math.max(a.size, b.size) * 2.5 && Math.abs(a.size - b.size) < 1) steps.push(step / a.size);
      }
    }
  }
  steps.sort((a, b) => a - b);
  // As a multiple of the font size, so headings and footnotes are judged by their own size.
  return steps.length >= 3 ? (steps[Math.floor(steps.length / 4)] ?? 1.2) : 1.2;
}

/** A page's blocks: its table rows as they are, its groups made into paragraphs and list items. */
export function pageLines(layout: PageLayout, usual: number): LaidLine[] {
  const lines: LaidLine[] = [];
  for (const part of layout.parts) {
    if (part.kind === 'rows') lines.push(...part.rows);
    else appendGroup(lines, part, usual);
  }
  return lines;
}

function fragmentsOf(items: PdfItem[]): Fragment[] {
  const out: Fragment[] = [];
  let current: Fragment | null = null;
  const finish = (): void => {
    if (current && current.text.trim()) out.push({ ...current, text: current.text.replace(/[ \u00a0]+/g, ' ').trim() });
    current = null;
  };
  for (const item of items) {
    const size = item.size || 10;
    // The reader fills a wide gap (between table cells, or before a right-aligned number) with one wide space.
    if (!item.str.trim() && item.width > size) {
      finish();
      continue;
    }
    if (current) {
      const tall: number = Math.max(size, current.size);
      const gap = item.x - current.x1;
      const sameLine = Math.abs(item.y - current.y) <= tall * 0.5;
      if (!sameLine || gap < -tall || (item.str.trim() && gap > tall * 1.5 && !MARKER_ONLY.test(current.text))) finish();
    }
    if (item.str) {
      if (!current) {
        if (item.str.trim()) current = { text: item.str, x0: item.x, x1: item.x + item.width, y: item.y, size };
      } else {
        const gap = item.x - current.x1;
        if (gap > size * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(item.str)) current.text += ` ${item.str}`;
        else current.text += item.str;
        current.x1 = Math.max(current.x1, item.x + item.width);
        current.size = Math.max(current.size, size);
      }
    }
    if (item.eol) finish();
  }
  finish();
  return out;
}

/**
 * Whether the fragment at i is the first line of a table cell: the lines that go on below it (its own
 * wrapped lines) are followed by a fragment back up at its height and to its right, the next cell.
 */
function startsRow(frags: Fragment[], i: number): boolean {
  const first = frags[i];
  if (!first) return false;
  let right = first.x1;
  let j = i + 1;
  for (; j < frags.length && j <= i + 15; j += 1) {
    const next = frags[j];
    const previous = frags[j - 1];
    if (!next || !previous || !(next.y < previous.y && next.x0 < right && next.x1 > first.x0)) break;
    right = Math.max(right, next.x1);
  }
  const next = frags[j];
  return next !== undefined && Math.abs(next.y - first.y) <= first.size * 0.5 && next.x0 >= right - 1;
}

function groupsOf(frags: Fragment[]): Group[] {
  const groups: Group[] = [];
  let group: Group | null = null;
  for (const [i, frag] of frags.entries()) {
    const last = group?.frags.at(-1);
    const continues =
      group !== null &&
      !startsRow(frags, i) &&
      last !== undefined &&
      frag.y < last.y - frag.size * 0.2 &&
      last.y - frag.y <= Math.max(frag.size, last.size) * 3.2 &&
      frag.x0 < group.x1 &&
      frag.x1 > group.x0 &&
      frag.x0 >= group.x0 - frag.size * 2.5 &&
      !(group.frags.length >= 2 && frag.x1 > group.x1 + frag.size * 3);
    if (continues && group) {
      group.frags.push(frag);
      group.x0 = Math.min(group.x0, frag.x0);
      group.x1 = Math.max(group.x1, frag.x1);
    } else {
      group = { frags: [frag], x0: frag.x0, x1: frag.x1, top: frag.y };
      groups.push(group);
    }
  }
  return groups;
}

interface Table {
  /** Group index range [start, end). */
  start: number;
  end: number;
  columns: number[];
  rows: Group[][];
}

/**
 * Tables: a row is two or more groups side by side starting at one height; a table is such a row and the
 * rows after it, whose groups start in its columns (a later row may add a column an earlier row left empty,
 * as a header row with an empty first cell does) or, alone in their row, start in a column and fit in it. A
 * two-column page or cover is one such "row" with nothing after it in its columns, so it stays prose.
 */
function findTables(groups: Group[]): Map<number, Table> {
  const tables = new Map<number, Table>();
  let i = 0;
  while (i < groups.length) {
    const first = rowAt(groups, i);
    if (first.length < 2) {
      i += 1;
      continue;
    }
    let columns = first.map((g) => g.x0);
    const rows: Group[][] = [first];
    let j = i + first.length;
    let bottom = lowest(first);
    while (j < groups.length) {
      const row = rowAt(groups, j);
      if ((row[0]?.top ?? 0) >= bottom) break;
      const widened = row.length >= 2 ? mergeColumns(columns, row) : null;
      if (widened) columns = widened;
      else if (!(row.length === 1 && row[0] && columnOf(columns, row[0]) !== null)) break;
      rows.push(row);
      bottom = lowest(row);
      j += row.length;
    }
    if (rows.length >= 2) {
      tables.set(i, { start: i, end: j, columns, rows });
      i = j;
    } else {
      i += 1;
    }
  }
  return tables;
}

const lowest = (row: Group[]): number => Math.min(...row.map((g) => g.frags.at(-1)?.y ?? g.top));

/** The columns with a multi-cell row's starts added, or null when the row's cells cut across the columns. */
function mergeColumns(columns: number[], row: Group[]): number[] | null {
  const size = row[0]?.frags[0]?.size ?? 10;
  const merged = [...columns];
  for (const group of row) {
    if (!merged.some((x) => Math.abs(x - group.x0) <= size * 0.6)) merged.push(group.x0);
  }
  merged.sort((a, b) => a - b);
  const fits = row.every((group) => columnOf(merged, group) !== null);
  return fits ? merged : null;
}

/** The groups from index i that start at the same height, each to the right of the one before. */
function rowAt(groups: Group[], i: number): Group[] {
  const first = groups[i];
  if (!first) return [];
  const row = [first];
  for (let j = i + 1; j < groups.length; j += 1) {
    const next = groups[j];
    const previous = row[row.length - 1];
    if (!next || !previous) break;
    if (Math.abs(next.top - first.top) > first.frags[0]!.size * 0.6 || next.x0 < previous.x1 - 1) break;
    row.push(next);
  }
  return row;
}

function columnOf(columns: number[], group: Group): number | null {
  const size = group.frags[0]?.size ?? 10;
  for (let c = 0; c < columns.length; c += 1) {
    const left = columns[c] ?? 0;
    const right = columns[c + 1] ?? Infinity;
    if (Math.abs(group.x0 - left) <= size * 0.6 && group.x1 <= right + 1) return c;
  }
  return null;
}

function tableLines(table: Table): LaidLine[] {
  const tableRight = Math.max(...table.rows.flat().map((g) => g.x1));
  return table.rows.map((row) => {
    const cells = table.columns.map(() => '');
    for (const group of row) {
      const column = columnOf(table.columns, group) ?? 0;
      const right = (table.columns[column + 1] ?? tableRight + (group.frags[0]?.size ?? 10)) - (group.frags[0]?.size ?? 10) * 0.5;
      // Lines that would not have fitted more are wrapped; a short line ends an entry ("Investigating crime; …").
      const text = group.frags.reduce((sofar, frag, i) => {
        if (!sofar) return frag.text;
        const before = group.frags[i - 1];
        const word = (/^\S+/.exec(frag.text)?.[0].length ?? 0) * ((frag.x1 - frag.x0) / Math.max(1, frag.text.length));
        const wrapped = before !== undefined && before.x1 + word + before.size * 0.25 >= right - before.size;
        if (wrapped) return joinWrapped(sofar, frag.text);
        return /[.;:,]$/.test(sofar) ? `${sofar} ${frag.text}` : `${sofar}; ${frag.text}`;
      }, '');
      cells[column] = cells[column] ? `${cells[column]} ${text}` : text;
    }
    const frags = row.flatMap((g) => g.frags);
    return {
      text: cells.join('\t'),
      kind: 'table-row' as const,
      size: Math.max(...frags.map((f) => f.size)),
      top: Math.max(...frags.map((f) => f.y)),
      bottom: Math.min(...frags.map((f) => f.y)),
      open: false,
    };
  });
}

/** Joins a wrapped line to the one before it: a space, or a marked hyphen when a word was broken at the edge. */
export function joinWrapped(before: string, after: string): string {
  if (/\p{L}[-\u00ad\u2010]$/u.test(before) && /^\p{Ll}/u.test(after)) return `${before.slice(0, -1)}${HYPHEN_MARK}${after}`;
  if (/[-\u2010/]$/.test(before)) return `${before}${after}`;
  return `${before} ${after}`;
}

const ENDS_SENTENCE = /[.!?:;)"”’]$/;

function appendGroup(lines: LaidLine[], group: Extract<PagePart, { kind: 'group' }>, usual: number): void {
  const width = group.right - group.x0;
  // A line is full when the next line's first word would not have fitted after it: the typesetter wrapped it.
  const wrapsInto = (frag: Fragment, next: Fragment): boolean => {
    const firstWord = /^\S+/.exec(next.text)?.[0].length ?? 0;
    const wordWidth = ((next.x1 - next.x0) * firstWord) / Math.max(1, next.text.length);
    return frag.x1 + wordWidth + frag.size * 0.25 >= group.right - frag.size * 0.5;
  };
  const full = (frag: Fragment): boolean => frag.x1 >= group.right - Math.max(frag.size * 3, width * 0.12);
  let paragraph: LaidLine | null = null;
  let previous: Fragment | null = null;
  group.frags.forEach((frag, i) => {
    const bullet = BULLET.test(frag.text);
    let joins = false;
    if (i === 0) {
      // A column or page's first line goes on with the paragraph the previous column left open.
      const before = lines[lines.length - 1];
      if (before?.open && before.kind !== 'table-row' && !bullet && /^\p{Ll}/u.test(frag.text) && Math.abs(before.size - frag.size) < 1) {
        paragraph = before;
        joins = true;
      }
    } else if (previous) {
      const step = previous.y - frag.y;
      const gap = step > Math.max(usual * previous.size, previous.size) * 1.3;
      joins = !gap && !bullet && Math.abs(previous.size - frag.size) < 1 && wrapsInto(previous, frag) && !/:$/.test(previous.text);
    }
    if (joins && paragraph) {
      paragraph.text = joinWrapped(paragraph.text, frag.text);
      paragraph.bottom = frag.y;
      paragraph.size = Math.max(paragraph.size, frag.size);
    } else {
      paragraph = { text: frag.text, kind: bullet ? 'list-item' : 'paragraph', size: frag.size, top: frag.y, bottom: frag.y, open: false };
      lines.push(paragraph);
    }
    const current: LaidLine = paragraph;
    current.open = full(frag) && !ENDS_SENTENCE.test(frag.text) && group.frags.length > 1;
    previous = frag;
  });
}
