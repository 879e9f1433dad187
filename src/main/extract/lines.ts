import type { DocumentText } from '../ingest/document-text';

/** One line of the document, with its markup stripped and its content's range in the text kept for anchors. */
export interface Line {
  index: number;
  /** Range of the content (after list markers and heading marks) in the document text. */
  start: number;
  end: number;
  /** The content as a reader sees it: no markdown/HTML emphasis, no link targets, no list marker. */
  text: string;
  bullet: boolean;
  /** Heading level from markdown "#" or an HTML/Word heading; null when the source does not say. */
  heading: number | null;
  /** Non-empty when the line is a table row (tab-separated cells). */
  cells: string[];
}

const LEADING = /^[ \t]*(?:(#{1,6})[ \t]+|([•▪◦●‣∙*–-])[ \t]+(?:(?:[IVXivx]{1,5}|\d{1,3}|[a-z])[.)][ \t]+)?)?/u;

export function splitLines(doc: DocumentText): Line[] {
  const headingStarts = new Map<number, number>();
  for (const block of doc.blocks ?? []) if (block.kind === 'heading' && block.level) headingStarts.set(block.start, block.level);
  const lines: Line[] = [];
  let offset = 0;
  for (const raw of doc.text.split('\n')) {
    const lineStart = offset;
    offset += raw.length + 1;
    if (!raw.trim()) continue;
    const lead = LEADING.exec(raw);
    let start = lineStart + (lead?.[0].length ?? 0);
    let end = lineStart + raw.trimEnd().length;
    const content = doc.text.slice(start, end);
    const innerLead = /^(?:\*\*|<b>|__)+\s*/.exec(content)?.[0].length ?? 0;
    const innerTrail = /\s*(?:\*\*|<\/b>|__)+$/.exec(content)?.[0].length ?? 0;
    if (innerLead + innerTrail < content.length && !content.includes('\t')) {
      start += innerLead;
      end -= innerTrail;
    }
    const cells = raw.includes('\t') ? raw.split('\t').map(cleanInline) : [];
    lines.push({
      index: lines.length,
      start,
      end,
      text: cleanInline(doc.text.slice(start, end)),
      bullet: Boolean(lead?.[2]),
      heading: lead?.[1] ? lead[1].length : (headingStarts.get(lineStart) ?? null),
      cells: cells.filter((cell) => cell).length >= 2 ? cells : [],
    });
  }
  return lines;
}

export function cleanInline(text: string): string {
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
  if (line.bullet || line.cells.length > 0) return false;
  const words = line.text.split(' ').length;
  if (line.text.endsWith('?')) return words <= 30;
  return words <= 14 && !/[.;:,]$/.test(line.text);
}
