import type { DocumentText } from '../ingest/document-text';

/** One line of the document, with its markup stripped and its content's range in the text kept for anchors. */
export interface Line {
  index: number;
  /** Range of the content (after list markers, paragraph numbers and heading marks) in the document text. */
  start: number;
  end: number;
  /** The content as a reader sees it: no markdown/HTML emphasis, no link targets, no list marker. */
  text: string;
  /** A list item: a bullet, or a number or letter such as "1.", "(a)", "iv)". */
  bullet: boolean;
  /** Heading level from markdown "#" or an HTML/Word/PDF heading; null when the source does not say. */
  heading: number | null;
  /** Non-empty when the line is a table row (tab-separated or markdown pipe cells); empty cells are kept. */
  cells: string[];
  /** Rows of one table share a number; null outside tables. */
  table: number | null;
  /** The first line after a blank line (or of the document): a new block rather than a continuation. */
  blockStart: boolean;
  /** isHeadingLike's answer, worked out once. */
  headingLike?: boolean;
}

const LEADING =
  /^[ \t]*(?:(#{1,6})[ \t]+|([•▪◦●‣∙⁃➢*–\-\uF0B7\uF0A7\uF0D8\uF076\uF0FC])[ \t]+(?:(?:[IVXivx]{1,5}|\d{1,3}|[a-z])[.)][ \t]+)?|(\(?(?:\d{1,2}|[a-h]|[ivx]{1,4})[.)])[ \t]+(?=\S)|(\d{1,2}\.\d{1,3}(?:\.\d{1,3})?)[ \t]+(?=\S))?/u;
const PIPE_ROW = /^[ \t]*\|.*\|[ \t]*$/;
const PIPE_RULE = /^[ \t]*\|?(?:[ \t]*:?-{2,}:?[ \t]*\|)+(?:[ \t]*:?-{2,}:?[ \t]*)?$/;

export function splitLines(doc: DocumentText): Line[] {
  const headingStarts = new Map<number, number>();
  for (const block of doc.blocks ?? []) if (block.kind === 'heading' && block.level) headingStarts.set(block.start, block.level);
  const lines: Line[] = [];
  let offset = 0;
  let blank = true;
  let table: number | null = null;
  let tables = 0;
  for (const raw of doc.text.split('\n')) {
    const lineStart = offset;
    offset += raw.length + 1;
    if (!raw.trim()) {
      blank = true;
      table = null;
      continue;
    }
    if (PIPE_RULE.test(raw)) continue;
    const cells = tableCells(raw);
    if (cells.length > 0) {
      if (table === null) table = (tables += 1);
      const start = lineStart + (raw.length - raw.trimStart().length);
      lines.push({
        index: lines.length,
        start,
        end: lineStart + raw.trimEnd().length,
        text: cleanInline(cells.filter(Boolean).join(' ')),
        bullet: false,
        heading: null,
        cells,
        table,
        blockStart: blank,
      });
      blank = false;
      continue;
    }
    table = null;
    const lead = LEADING.exec(raw);
    let start = lineStart + (lead?.[0].length ?? 0);
    let end = lineStart + raw.trimEnd().length;
    const content = doc.text.slice(start, end);
    const innerLead = /^[*<_]/.test(content) ? (/^(?:\*\*|<b>|<strong>|__)+\s*/.exec(content)?.[0].length ?? 0) : 0;
    const innerTrail = /[*>_]$/.test(content) ? (/\s*(?:\*\*|<\/b>|<\/strong>|__)+$/.exec(content)?.[0].length ?? 0) : 0;
    if (innerLead + innerTrail < content.length) {
      start += innerLead;
      end -= innerTrail;
    }
    const heading = lead?.[1] ? lead[1].length : (headingStarts.get(lineStart) ?? null);
    lines.push({
      index: lines.length,
      start,
      end,
      text: cleanInline(doc.text.slice(start, end)),
      // "1. Introduction" set as a heading is a numbered heading, not a list item.
      bullet: heading === null && Boolean(lead?.[2] || lead?.[3]),
      heading,
      cells: [],
      table: null,
      blockStart: blank,
    });
    blank = false;
  }
  return lines;
}

/** Cells of a tab-separated or markdown pipe row; [] for an ordinary line. */
function tableCells(raw: string): string[] {
  if (PIPE_ROW.test(raw)) {
    const inner = raw.trim().slice(1, -1);
    const cells = inner.split(/(?<!\\)\|/).map(cleanInline);
    return cells.length >= 2 ? cells : [];
  }
  if (!raw.includes('\t')) return [];
  const cells = raw.split('\t').map(cleanInline);
  const filled = cells.filter(Boolean).length;
  // One filled cell among several empty ones is a row of a table whose other columns are empty here.
  return filled >= 2 || (filled === 1 && cells.length >= 3) ? cells : [];
}

export function cleanInline(text: string): string {
  if (!/[<[*_]|\s\s|[\t\n\r\u00a0]/.test(text)) return text.trim();
  return text
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/(^|\s)\*(\S[^*]*\S|\S)\*(?=\s|$|[.,;:])/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Short and unpunctuated, or a question: reads as a heading rather than a sentence of body text. */
export function isHeadingLike(line: Line): boolean {
  if (line.heading !== null) return true;
  line.headingLike ??= readsAsHeading(line);
  return line.headingLike;
}

function readsAsHeading(line: Line): boolean {
  if (line.bullet || line.cells.length > 0) return false;
  const words = line.text.split(' ').length;
  if (line.text.endsWith('?')) return words <= 30;
  return words <= 14 && !/[.;:,]$/.test(line.text);
}
