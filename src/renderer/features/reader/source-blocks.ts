import type { PageRange } from '../../../shared/domain/anchor';

/** A paragraph of the source text: its character range, and the PDF page it starts on when it is the first on that page. */
export interface SourceBlock {
  start: number;
  end: number;
  /** Set on the first block of each PDF page, so the page number can be shown above it. */
  pageStart: number | null;
}

/**
 * Splits the extracted text at blank lines into blocks, so a long report renders as a list of
 * paragraphs (cheap to re-render, easy to scroll to) rather than one giant preformatted element.
 * Blocks keep their exact offsets: every highlight and selection is a character range of the text.
 */
export function sourceBlocks(text: string, pages: PageRange[]): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  const breaks = /\n[ \t]*\n+/g;
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trail = raw.length - raw.trimEnd().length;
    if (raw.trim()) blocks.push({ start: start + lead, end: end - trail, pageStart: null });
  };
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
    push(match.index);
    start = match.index + match[0].length;
  }
  push(text.length);
  let block = 0;
  for (const page of pages) {
    while (block < blocks.length && (blocks[block]?.end ?? 0) <= page.start) block += 1;
    const first = blocks[block];
    if (first && first.start < page.end && first.pageStart === null) first.pageStart = page.page;
  }
  return blocks;
}
