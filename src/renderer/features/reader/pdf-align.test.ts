import { describe, expect, it } from 'vitest';
import { alignPage } from './pdf-align';

/**
 * A page as pdf.js reads it — a running header, a paragraph wrapped over two lines with a hyphen, a page
 * number — and as stored after import (header and number dropped, the hyphen undone, the lines joined).
 */
const ITEMS = ['Cambridgeshire Constabulary – PEEL 2016', 'The force should improve how it identi-', 'fies and understands the issues.', '3'];
const PREFIX = 'Page one ends here.\n\n';
const STORED = `${PREFIX}The force should improve how it identifies and understands the issues.`;
const PAGE = { page: 2, start: PREFIX.length, end: STORED.length };

describe('lining the stored text up with the PDF page', () => {
  const alignment = alignPage(STORED, PAGE, ITEMS);

  it('puts a stored passage on the words the page draws, across the wrapped line', () => {
    const start = STORED.indexOf('identifies');
    const spans = alignment.spans({ start, end: start + 'identifies and understands'.length });
    expect(spans).toEqual([
      { item: 1, from: ITEMS[1]!.indexOf('identi'), to: ITEMS[1]!.indexOf('-') },
      { item: 2, from: 0, to: 'fies and understands'.length },
    ]);
  });

  it('gives a selection on the page as the stored range, skipping the header and page number it cannot find', () => {
    // From "should" on the second line to the end of the page, page number included.
    const range = alignment.storedRange({ item: 1, char: ITEMS[1]!.indexOf('should') }, { item: 3, char: 1 });
    expect(range).toEqual({ start: STORED.indexOf('should'), end: STORED.length });
    expect(alignment.storedRange({ item: 0, char: 0 }, { item: 0, char: 10 })).toBeNull();
  });

  it('says how much of the stored page it found', () => {
    expect(alignment.matched).toBe(1);
    expect(alignPage('xxxx zzzz qqqq', { page: 1, start: 0, end: 14 }, ITEMS).matched).toBe(0);
  });
});
