import type { Annotation } from '../../shared/domain/notes';
import { dateInWords } from '../paper/dates';

export interface AnnotationExport {
  reportTitle: string;
  /** In text order. */
  annotations: Annotation[];
  exportedOn: string;
  by: string;
}

export const COLOUR_NAMES: Record<Annotation['colour'], string> = { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink', orange: 'Orange' };

export const CSV_COLUMNS = ['Quote', 'Page', 'Note', 'Tags', 'Colour', 'Date'] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A field a spreadsheet would
 * run as a formula (=, +, -, @ first) gets a leading apostrophe, so a quoted passage can never run in Excel.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A report's annotations as CSV for Excel: UTF-8 with a byte-order mark, CRLF line ends, one annotation a row. */
export function annotationsCsv(input: AnnotationExport): string {
  const rows = [
    CSV_COLUMNS.join(','),
    ...input.annotations.map((a) =>
      [a.anchor.quote.replace(/\s+/g, ' ').trim(), a.anchor.page === null ? '' : String(a.anchor.page), a.note, a.tags.join('; '), COLOUR_NAMES[a.colour], dateInWords(a.createdAt.slice(0, 10))]
        .map(csvField)
        .join(','),
    ),
  ];
  return `\ufeff${rows.join('\r\n')}\r\n`;
}
