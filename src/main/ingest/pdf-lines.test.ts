import { describe, expect, it } from 'vitest';
import { layoutPage, pageLines, type PdfItem } from './pdf-lines';
import { joinPages } from './pdf-pages';

/** An item as the PDF reader gives one: text at a baseline, with a width worked out at 0.5 em a character. */
const item = (str: string, x: number, y: number, size = 11, eol = true): PdfItem => ({ str, x, y, width: str.length * size * 0.5, size, eol });
/** The wide space the PDF reader puts between two table cells on one line. */
const gap = (from: number, to: number, y: number): PdfItem => ({ str: ' ', x: from, y, width: to - from, size: 11, eol: false });
const text = (items: PdfItem[]): string => joinPages([layoutPage(items)]).text;

describe('layoutPage', () => {
  it('joins the wrapped lines of a paragraph and keeps paragraphs apart by their spacing', () => {
    const items = [
      item('The force has improved how it answers calls from the public and', 60, 700),
      item('how quickly it attends them.', 60, 687),
      item('A new paragraph starts after a gap.', 60, 665),
    ];
    expect(text(items)).toBe('The force has improved how it answers calls from the public and how quickly it attends them.\n\nA new paragraph starts after a gap.');
  });

  it('does not join a short line to the next: it ended its paragraph', () => {
    const items = [item('Area for improvement 1', 60, 700), item('The force should make sure that supervisors review every investigation.', 60, 687)];
    expect(text(items)).toBe('Area for improvement 1\n\nThe force should make sure that supervisors review every investigation.');
  });

  it('marks a word broken at the line end so the document can decide how to join it', () => {
    const page = layoutPage([item('Officers told us that neighbourhood policing has been neigh-', 60, 700), item('bourhood-led for years.', 60, 687)]);
    expect(pageLines(page, 1.18)[0]?.text).toBe('Officers told us that neighbourhood policing has been neigh\uE000bourhood-led for years.');
  });

  it('reads a table row by row, cells apart, a cell wrapped over two lines in one piece', () => {
    const items = [
      item('Area of policing', 70, 600, 11, false),
      gap(150, 300, 600),
      item('Grade', 300, 600),
      item('Building, supporting and protecting the', 70, 585),
      item('workforce', 70, 572),
      item('Adequate', 300, 585),
      item('Investigating crime', 70, 557, 11, false),
      gap(175, 300, 557),
      item('Requires improvement', 300, 557),
      item('The table ends here and the report goes on in a paragraph of its own.', 65, 530),
    ];
    expect(text(items)).toBe(
      'Area of policing\tGrade\nBuilding, supporting and protecting the workforce\tAdequate\nInvestigating crime\tRequires improvement\n\n' +
        'The table ends here and the report goes on in a paragraph of its own.',
    );
  });

  it('keeps an empty first header cell as a column', () => {
    const items = [
      item('Grade', 220, 600, 11, false),
      gap(250, 380, 600),
      item('Last inspected', 380, 600),
      item('Effectiveness', 70, 585, 11, false),
      gap(140, 220, 585),
      item('Good', 220, 585),
      item('Investigating crime', 70, 570, 11, false),
      gap(170, 220, 570),
      item('Good', 220, 570, 11, false),
      gap(250, 380, 570),
      item('2018/19', 380, 570),
    ];
    expect(text(items)).toBe('\tGrade\tLast inspected\nEffectiveness\tGood\t\nInvestigating crime\tGood\t2018/19');
  });

  it('reads a two-column page column by column, not as a table', () => {
    const left = ['The first column tells one story from the', 'top of the page to the bottom of it, line', 'after line.'];
    const right = ['The second column tells another story, which', 'the reader reads after the first one has', 'ended.'];
    const items = [...left.map((l, i) => item(l, 60, 700 - i * 13)), ...right.map((l, i) => item(l, 320, 700 - i * 13))];
    expect(text(items)).toBe(
      'The first column tells one story from the top of the page to the bottom of it, line after line.\n\n' +
        'The second column tells another story, which the reader reads after the first one has ended.',
    );
  });

  it('starts a list item on its own line', () => {
    const items = [item('Within three months, the force should:', 60, 700), item('• review its call handling; and', 70, 687), item('• train its staff.', 70, 674)];
    expect(text(items)).toBe('Within three months, the force should:\n\n• review its call handling; and\n• train its staff.');
  });
});
