import { describe, expect, it } from 'vitest';
import { blockInlines, documentBlocks, type DocBlock, type Inline } from './document-model';
import { MARKS } from './inline-markup';

/** What the officer sees of a stretch: its runs, which are slices of the stored text. */
const shown = (text: string, part: Inline) => part.runs.map((r) => text.slice(r.start, r.end)).join('');
const shownBlocks = (text: string, blocks: DocBlock[]) => blocks.map((b) => blockInlines(b).map((p) => shown(text, p)));

describe('documentBlocks', () => {
  it('reads markdown headings without their hashes, at their level, with the offsets of their words', () => {
    const text = '\n\n# PEEL\n\n## Police effectiveness, efficiency and legitimacy 2018/19\n\nAn inspection of Cambridgeshire Constabulary\n';
    const blocks = documentBlocks(text, []);
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'heading', 'paragraph']);
    expect(blocks.map((b) => (b.type === 'heading' ? b.level : null))).toEqual([1, 2, null]);
    expect(shownBlocks(text, blocks)).toEqual([['PEEL'], ['Police effectiveness, efficiency and legitimacy 2018/19'], ['An inspection of Cambridgeshire Constabulary']]);
    const heading = blocks[1]!;
    expect(heading.type === 'heading' && heading.content.start).toBe(text.indexOf('Police effectiveness'));
    expect(heading.type === 'heading' && heading.content.end).toBe(text.indexOf(' 2018/19') + ' 2018/19'.length);
  });

  it('drops a closing run of hashes and bold markup inside a heading', () => {
    const text = '## **Responding to incidents** ##\n';
    const [heading] = documentBlocks(text, []);
    expect(heading?.type).toBe('heading');
    if (heading?.type !== 'heading') return;
    expect(shown(text, heading.content)).toBe('Responding to incidents');
    expect(heading.content.runs).toEqual([{ start: 5, end: 28, marks: MARKS.bold }]);
  });

  it('reads tab-separated rows as a table, cell by cell, with <b> tags hidden', () => {
    const text = '<b>IPA area</b>\t<b>Inspected in 2018/19?</b>\nPreventing crime and anti-social behaviour\tYes\nTackling serious and organised crime\tNo\n';
    const [table] = documentBlocks(text, []);
    expect(table?.type).toBe('table');
    if (table?.type !== 'table') return;
    expect(table.rows.map((r) => r.cells.map((c) => shown(text, c)))).toEqual([
      ['IPA area', 'Inspected in 2018/19?'],
      ['Preventing crime and anti-social behaviour', 'Yes'],
      ['Tackling serious and organised crime', 'No'],
    ]);
    const heading = table.rows[0]!.cells[1]!;
    expect(heading.runs).toEqual([{ start: text.indexOf('Inspected'), end: text.indexOf('?</b>') + 1, marks: MARKS.bold }]);
  });

  it('keeps an empty label cell where a row starts with a tab, as the overall summary table does', () => {
    const text = '\t<b>Effectiveness</b>\t\t<b>Last inspected</b>\n\tInvestigating crime\t Good\t2018/19\n';
    const [table] = documentBlocks(text, []);
    if (table?.type !== 'table') throw new Error('not a table');
    expect(table.rows.map((r) => r.cells.map((c) => shown(text, c)))).toEqual([
      ['', 'Effectiveness', '', 'Last inspected'],
      ['', 'Investigating crime', 'Good', '2018/19'],
    ]);
    expect(table.rows[1]!.cells[2]!.start).toBe(text.indexOf('Good'));
  });

  it('reads a markdown pipe table: the separator makes a header row and is not shown; an escaped pipe stays in its cell', () => {
    const text = '| Area of policing | Grade |\n|---|:---:|\n| Investigating crime | Good |\n| Treating people a \\| b | Adequate |';
    const [table] = documentBlocks(text, []);
    if (table?.type !== 'table') throw new Error('not a table');
    expect(table.rows.map((r) => r.header)).toEqual([true, false, false]);
    expect(table.rows.map((r) => r.cells.map((c) => shown(text, c)))).toEqual([
      ['Area of policing', 'Grade'],
      ['Investigating crime', 'Good'],
      ['Treating people a | b', 'Adequate'],
    ]);
    expect(table.rows[1]!.cells[1]!.start).toBe(text.indexOf('Good'));
  });

  it('shows bullets as a list without their markers, and keeps the numbers of a numbered list', () => {
    const text =
      'Areas for improvement\n\n  • The force should improve how it identifies the issues.\n  • The force should ensure its supervisors recognise wellbeing issues.\n\n1. Our overall assessment.\n2. Our judgments.\n\n- I. The force needs to ensure that its data is monitored.';
    const blocks = documentBlocks(text, []);
    expect(blocks.map((b) => (b.type === 'list' ? `list:${b.ordered}` : b.type))).toEqual(['heading', 'list:false', 'list:true', 'list:false']);
    expect(shownBlocks(text, blocks)).toEqual([
      ['Areas for improvement'],
      ['The force should improve how it identifies the issues.', 'The force should ensure its supervisors recognise wellbeing issues.'],
      ['1. Our overall assessment.', '2. Our judgments.'],
      ['I. The force needs to ensure that its data is monitored.'],
    ]);
    const bullets = blocks[1]!;
    if (bullets.type !== 'list') throw new Error('not a list');
    expect(bullets.items[0]!.start).toBe(text.indexOf('The force should improve'));
  });

  it('hides links, keeping their words, and marks footnote numbers as superscript', () => {
    const text = 'In 2018/19, we adopted an [integrated PEEL assessment](#) (IPA) approach.<sup>1</sup>';
    const [paragraph] = documentBlocks(text, []);
    if (paragraph?.type !== 'paragraph') throw new Error('not a paragraph');
    expect(shown(text, paragraph.content)).toBe('In 2018/19, we adopted an integrated PEEL assessment (IPA) approach.1');
    expect(paragraph.content.runs).toEqual([
      { start: 0, end: 26, marks: 0 },
      { start: 27, end: 53, marks: MARKS.link },
      { start: 57, end: 73, marks: 0 },
      { start: 78, end: 79, marks: MARKS.sup },
    ]);
  });

  it('reads emphasis but leaves lone asterisks, snake_case and escaped characters as written', () => {
    const text = 'It is *not* good at__this__ nor 2 * 3 * 4; file_name_here and \\*literal\\* stay.';
    const [paragraph] = documentBlocks(text, []);
    if (paragraph?.type !== 'paragraph') throw new Error('not a paragraph');
    expect(shown(text, paragraph.content)).toBe('It is not good at__this__ nor 2 * 3 * 4; file_name_here and *literal* stay.');
    expect(paragraph.content.runs.find((r) => r.marks === MARKS.italic)).toEqual({ start: 7, end: 10, marks: MARKS.italic });
  });

  it('joins the lines of a paragraph, and makes a setext underline a heading', () => {
    const text = 'Our inspection approach\n=======================\n\nFirst line of a paragraph\nand its second line.\n\n***\n';
    const blocks = documentBlocks(text, []);
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'rule']);
    expect(shownBlocks(text, blocks)).toEqual([['Our inspection approach'], ['First line of a paragraph\nand its second line.'], []]);
  });

  it('shows a short line above a longer paragraph as a heading when the text has no heading markup (a web page or PDF)', () => {
    const text =
      'Cambridgeshire PEEL 2016\n\nLegitimacy\n\nHow legitimate is the force at keeping people safe and reducing crime?\n\nGood\n\nCambridgeshire Constabulary has been assessed as good in respect of the legitimacy with which it keeps people safe.\n\nShort sentence.\n\nAnother paragraph that is long enough to follow a heading, but the line above ends like a sentence.';
    const blocks = documentBlocks(text, []);
    // "Cambridgeshire PEEL 2016" stands above a shorter line, so nothing says it heads a section.
    expect(blocks.map((b) => (b.type === 'heading' ? `h${b.level}` : b.type))).toEqual(['paragraph', 'h2', 'h2', 'h2', 'paragraph', 'paragraph', 'paragraph']);
  });

  it('leaves plain-text lines alone when the document marks its headings', () => {
    const text = '# Title\n\nGood\n\nA much longer paragraph that follows a short line, which is not a heading here.';
    expect(documentBlocks(text, []).map((b) => b.type)).toEqual(['heading', 'paragraph', 'paragraph']);
  });

  it('marks the first block of each PDF page', () => {
    const text = 'Page one text.\n\nMore on page one.\n\nPage two starts here.';
    const two = text.indexOf('Page two');
    const blocks = documentBlocks(text, [
      { page: 1, start: 0, end: two - 2 },
      { page: 2, start: two, end: text.length },
    ]);
    expect(blocks.map((b) => b.pageStart)).toEqual([1, null, 2]);
  });

  it('keeps Windows line ends out of what is shown', () => {
    const text = '## Heading\r\n\r\n- one\r\n- two\r\n';
    const blocks = documentBlocks(text, []);
    expect(shownBlocks(text, blocks)).toEqual([['Heading'], ['one', 'two']]);
  });
});
