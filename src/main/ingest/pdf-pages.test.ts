import { describe, expect, it } from 'vitest';
import { layoutPage, type PdfItem } from './pdf-lines';
import { joinPages } from './pdf-pages';

const item = (str: string, x: number, y: number, size = 11): PdfItem => ({ str, x, y, width: str.length * size * 0.5, size, eol: true });
const FULL = 'This line of body text runs right across the column from one side to the';

/** A page with a running header, one body paragraph and a page number at the foot. */
function page(n: number, body: string[], header = 'PEEL 2023–25 | Northmoor Police'): PdfItem[] {
  return [item(header, 300, 800, 9), ...body.map((line, i) => item(line, 60, 700 - i * 13)), item(String(n), 300, 40, 9)];
}

describe('joinPages', () => {
  it('drops a running header and page numbers, and keeps page ranges on the text that remains', () => {
    const doc = joinPages([page(1, ['First page.']), page(2, ['Second page.']), page(3, ['Third page.'])].map(layoutPage));
    expect(doc.text).toBe('First page.\n\nSecond page.\n\nThird page.');
    expect(doc.pages).toEqual([
      { page: 1, start: 0, end: 11 },
      { page: 2, start: 13, end: 25 },
      { page: 3, start: 27, end: 38 },
    ]);
  });

  it('keeps a line that opens only one page', () => {
    const doc = joinPages([page(1, ['One.'], 'A title only here'), page(2, ['Two.'], 'Running header'), page(3, ['Three.'], 'Running header')].map(layoutPage));
    expect(doc.text).toBe('A title only here\n\nOne.\n\nTwo.\n\nThree.');
  });

  it('drops "Page n of m" footers and contents lines with dot leaders', () => {
    const footer = (n: number, title: string): PdfItem[] => [item(title, 60, 720), item(`Investigating crime${'.'.repeat(40)}${n + 4}`, 60, 700), item(`Page ${n} of 2`, 280, 40, 9)];
    expect(joinPages([footer(1, 'Contents'), footer(2, 'Annex')].map(layoutPage)).text).toBe('Contents\n\nAnnex');
  });

  it('carries a paragraph over a page break in one piece, its start on the first page', () => {
    const first = layoutPage(page(1, [FULL, 'end of the line and then it stops at the bottom of the page and goes']));
    const second = layoutPage(page(2, ['on overleaf until it ends.']));
    const doc = joinPages([first, second, layoutPage(page(3, ['Last.']))]);
    expect(doc.text).toBe(`${FULL} end of the line and then it stops at the bottom of the page and goes on overleaf until it ends.\n\nLast.`);
    expect(doc.pages[1]?.start).toBe(doc.text.indexOf('on overleaf'));
    expect(doc.blocks?.[0]).toMatchObject({ kind: 'paragraph', start: 0, end: doc.text.indexOf('\n\nLast.') });
  });

  it('joins a word the typesetter broke and keeps a hyphen the document writes', () => {
    const broken = (left: string, right: string): PdfItem[] => [item(`${FULL} ${left}`, 60, 700), item(`${right} and so on.`, 60, 687)];
    const words = [item('Its neighbourhood teams tackle anti-social behaviour and re-offending well.', 60, 650)];
    const doc = joinPages([layoutPage([...broken('neigh-', 'bourhood'), ...broken('anti-', 'social'), ...broken('re-', 'offending'), ...broken('re-', 'sponse'), ...words])]);
    expect(doc.text).toContain(' neighbourhood and so on.');
    expect(doc.text).toContain(' anti-social and so on.');
    expect(doc.text).toContain(' re-offending and so on.');
    expect(doc.text).toContain(' response and so on.');
  });

  it('marks lines in a larger type as headings, the largest level 1', () => {
    const doc = joinPages([
      layoutPage([item('PEEL 2023–25', 60, 760, 20), item('Investigating crime', 60, 720, 15), item('Adequate', 60, 700), item(FULL, 60, 680), item('and more.', 60, 667)]),
    ]);
    expect(doc.blocks?.filter((b) => b.kind === 'heading').map((b) => [doc.text.slice(b.start, b.end), b.level])).toEqual([
      ['PEEL 2023–25', 1],
      ['Investigating crime', 2],
    ]);
  });
});
