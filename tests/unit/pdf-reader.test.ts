import { describe, expect, it } from 'vitest';
import type { PdfItem } from '../../src/main/ingest/pdf-lines';
import { openPdf } from '../../src/main/ingest/pdf-text.mjs';
import { onePagePdf } from '../fuzz/hostile';

async function itemsOf(content: string): Promise<PdfItem[]> {
  const document = await openPdf(new Uint8Array(onePagePdf(content)), 1024);
  try {
    expect(document.pageCount).toBe(1);
    return document.readPage(1);
  } finally {
    document.close();
  }
}

/** "Hello world" in Helvetica: the advance widths of its AFM (H 722, e 556, l 222, o 556, space 278, w 722, r 333, d 556) add up to 4,945 per 1,000 em. */
const HELLO_WORLD_EM = 4.945;

/**
 * The PDF reader (PDFium) turns a page's characters into the runs pdf-lines.ts lays out, in the units a
 * page is drawn in: sizes as drawn, widths as advanced, one run per stretch of a line.
 */
describe('reading a PDF page into text runs', () => {
  it('gives the size as drawn, whether set by the font size, the text matrix or the page transform', async () => {
    for (const content of [
      'BT /F1 24 Tf 72 720 Td (Hello world) Tj ET',
      'BT /F1 1 Tf 24 0 0 24 72 720 Tm (Hello world) Tj ET',
      'q 2 0 0 2 0 0 cm BT /F1 12 Tf 36 360 Td (Hello world) Tj ET Q',
    ]) {
      const [item, ...rest] = await itemsOf(content);
      expect(rest, content).toEqual([]);
      expect(item?.str, content).toBe('Hello world');
      expect(item?.size, content).toBeCloseTo(24, 1);
      expect(item?.x, content).toBeCloseTo(72, 1);
      expect(item?.y, content).toBeCloseTo(720, 1);
      expect(item?.width, content).toBeCloseTo(24 * HELLO_WORLD_EM, 0);
      expect(item?.eol, content).toBe(true);
    }
  });

  it('ends a run at the end of a line, and says so', async () => {
    const items = await itemsOf('BT /F1 12 Tf 72 720 Td (First line) Tj 0 -14 Td (Second line) Tj ET');
    expect(items.map((i) => [i.str.trim(), i.y, i.eol])).toEqual([
      ['First line', 720, true],
      ['Second line', 706, true],
    ]);
  });

  it('gives a wide gap on a line (between table cells) as one wide space, as layout expects', async () => {
    const items = await itemsOf('BT /F1 12 Tf 72 720 Td (Cell one) Tj 200 0 Td (Cell two) Tj ET');
    const words = items.filter((i) => i.str.trim());
    expect(words.map((i) => [i.str.trim(), Math.round(i.x)])).toEqual([
      ['Cell one', 72],
      ['Cell two', 272],
    ]);
    const gap = items.find((i) => !i.str.trim());
    expect(gap?.x).toBeGreaterThan(100);
    expect(gap?.width).toBeGreaterThan(12);
    expect((gap?.x ?? 0) + (gap?.width ?? 0)).toBeCloseTo(272, 0);
  });

  it('reads rotated text (a margin label) as one run along its own line', async () => {
    const items = await itemsOf('BT /F1 12 Tf 0 1 -1 0 100 300 Tm (OFFICIAL SENSITIVE margin label) Tj ET');
    expect(items.map((i) => i.str.trim())).toEqual(['OFFICIAL SENSITIVE margin label']);
    expect(items[0]?.size).toBeCloseTo(12, 1);
  });

  it('keeps a raised footnote number on its line, and a line-end hyphen for the page joiner to judge', async () => {
    const raised = await itemsOf('BT /F1 12 Tf 72 720 Td (stop and search.) Tj /F1 7 Tf 4 Ts (3) Tj 0 Ts /F1 12 Tf ( It said) Tj ET');
    expect(raised.map((i) => i.str).join('')).toBe('stop and search.3 It said');
    expect(raised.slice(0, -1).some((i) => i.eol)).toBe(false);
    const hyphen = await itemsOf('BT /F1 12 Tf 72 720 Td (the neigh-) Tj 0 -14 Td (bourhood team) Tj ET');
    expect(hyphen.map((i) => i.str.trim())).toEqual(['the neigh-', 'bourhood team']);
  });

  it('refuses what is not a PDF, and a file past its memory limit, by name', async () => {
    await expect(openPdf(new TextEncoder().encode('%PDF-1.4 this is not really a PDF'), 1024)).rejects.toMatchObject({ name: 'InvalidPDFException' });
    await expect(openPdf(new Uint8Array(onePagePdf('BT /F1 12 Tf 72 720 Td (x) Tj ET')), 0)).rejects.toMatchObject({ name: 'MemoryLimit' });
    // The reader is still sound after both: the next file reads.
    expect((await itemsOf('BT /F1 12 Tf 72 720 Td (Still reading) Tj ET')).map((i) => i.str)).toEqual(['Still reading']);
  });
});
