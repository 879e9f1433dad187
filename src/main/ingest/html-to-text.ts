import { Parser } from 'htmlparser2';
import { AppError } from '../../shared/api/result';
import type { BlockKind, TextBlock } from './document-text';
import { IMPORT_LIMITS } from './limits';

/** Elements whose content is never part of the report's text. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'head', 'nav', 'button', 'select', 'object', 'footer']);
/** Page furniture marked by role or class: navigation, cookie banners, breadcrumbs, share links, hidden text. */
const FURNITURE = /\b(?:cookie|breadcrumb|skip-link|share|social|site-footer|site-header__nav|visually-hidden|sr-only)\b/i;
/** Inside a table cell, where a paragraph, list item or line break inside it ends. */
const CELL_BREAKS = new Set(['p', 'li', 'br', 'div']);
const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote', 'pre', 'figure', 'figcaption',
  'caption', 'dl', 'dt', 'dd', 'ul', 'ol', 'table', 'thead', 'tbody', 'tfoot', 'form', 'fieldset', 'address', 'hr',
]);

export interface HtmlText {
  text: string;
  blocks: TextBlock[];
}

/**
 * Flattens HTML to text with one block per line group: headings, paragraphs and list items on their own lines,
 * table rows as tab-separated cells, so the extractor sees the same structure as a plain-text report.
 */
export function htmlToText(html: string): HtmlText {
  const out: { kind: BlockKind; level: number | null; text: string }[] = [];
  let dropDepth = 0;
  let inline = '';
  let kind: BlockKind = 'paragraph';
  let level: number | null = null;
  let cells: string[] | null = null;
  let span = 1;
  let preDepth = 0;
  // htmlparser2 keeps its open elements in an array it unshifts into, so time grows with the square
  // of the nesting; real pages nest a few dozen deep, so a page nested thousands deep is refused.
  let openDepth = 0;

  const flush = (): void => {
    if (cells) return;
    const text = (preDepth > 0 ? inline : inline.replace(/[ \t\f\v\u00a0]+/g, ' ')).replace(/ *\n */g, '\n').trim();
    if (text) out.push({ kind, level, text });
    inline = '';
    kind = 'paragraph';
    level = null;
  };

  // Areas listed one per line inside a cell stay apart: "Investigating crime; Responding to the public".
  const cellBreak = (): void => {
    const sofar = inline.replace(/\s+$/, '');
    if (sofar && !/[.;:!?]$/.test(sofar)) inline = `${sofar}; `;
    else if (sofar) inline = `${sofar} `;
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        openDepth += 1;
        if (openDepth > IMPORT_LIMITS.maxHtmlDepth) {
          throw new AppError(
            'unreadable',
            `The page nests elements more than ${IMPORT_LIMITS.maxHtmlDepth.toLocaleString('en-GB')} deep, which no real report does; it was not imported.`,
          );
        }
        if (dropDepth > 0 || DROPPED.has(name) || isFurniture(attributes)) {
          dropDepth += 1;
          return;
        }
        if (cells && CELL_BREAKS.has(name)) {
          cellBreak();
          return;
        }
        if (name in HEADINGS) {
          flush();
          kind = 'heading';
          level = HEADINGS[name] ?? null;
        } else if (name === 'li') {
          flush();
          kind = 'list-item';
        } else if (name === 'tr') {
          flush();
          cells = [];
        } else if (name === 'td' || name === 'th') {
          if (cells) inline = '';
          span = Math.min(Math.max(Number(attributes.colspan) || 1, 1), 20);
        } else if (name === 'br') {
          inline += '\n';
        } else if (BLOCKS.has(name)) {
          flush();
        }
        if (name === 'pre') preDepth += 1;
      },
      ontext(raw) {
        // Word's optional hyphens (soft hyphens) are invisible unless a line breaks there: not part of a word.
        const text = raw.replace(/\u00ad/g, '');
        if (dropDepth === 0) inline += preDepth > 0 ? text : text.replace(/\s+/g, ' ');
      },
      onclosetag(name) {
        openDepth -= 1;
        if (dropDepth > 0) {
          dropDepth -= 1;
          return;
        }
        if (name === 'td' || name === 'th') {
          // A cell spanning columns keeps the columns after it, empty, so cells stay under their headers.
          if (cells) cells.push(inline.replace(/\s+/g, ' ').replace(/;\s*$/, '').trim(), ...new Array<string>(span - 1).fill(''));
          span = 1;
          inline = '';
        } else if (cells && CELL_BREAKS.has(name)) {
          cellBreak();
        } else if (name === 'tr') {
          if (cells && cells.some((cell) => cell)) out.push({ kind: 'table-row', level: null, text: cells.join('\t') });
          cells = null;
          inline = '';
        } else if (name in HEADINGS || name === 'li' || BLOCKS.has(name)) {
          flush();
        }
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return join(out);
}

function isFurniture(attributes: Record<string, string>): boolean {
  if (attributes['aria-hidden'] === 'true' || attributes.hidden !== undefined) return true;
  if (attributes.role === 'navigation' || attributes.role === 'contentinfo') return true;
  return FURNITURE.test(attributes.class ?? '') || FURNITURE.test(attributes.id ?? '');
}

/** List items and table rows sit on consecutive lines; every other block is separated by a blank line. */
function join(parts: { kind: BlockKind; level: number | null; text: string }[]): HtmlText {
  let text = '';
  const blocks: TextBlock[] = [];
  let previous: BlockKind | null = null;
  for (const part of parts) {
    const body = part.kind === 'list-item' ? `• ${part.text}` : part.text;
    if (previous) text += previous === part.kind && (part.kind === 'list-item' || part.kind === 'table-row') ? '\n' : '\n\n';
    blocks.push({ kind: part.kind, level: part.level, start: text.length, end: text.length + body.length });
    text += body;
    previous = part.kind;
  }
  return { text, blocks };
}
