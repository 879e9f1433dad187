import { describe, expect, it } from 'vitest';
import { documentBlocks } from './document-model';
import { findMatches, visibleText } from './visible-text';

const find = (text: string, query: string) => findMatches(visibleText(text, documentBlocks(text, [])), query);

describe('find in the reader', () => {
  it('finds every match, in reading order, as ranges of the stored text, ignoring case', () => {
    const text = '# Vetting\n\nThe force must improve vetting. VETTING backlogs remain.';
    expect(find(text, 'vetting')).toEqual([
      { start: 2, end: 9 },
      { start: 34, end: 41 },
      { start: 43, end: 50 },
    ]);
  });

  it('matches words split by markup as they are shown, and the range covers the markup inside', () => {
    const text = 'The force is <b>good</b> at [preventing crime](#) and more.';
    const [match] = find(text, 'good at preventing crime');
    expect(match).toEqual({ start: text.indexOf('good'), end: text.indexOf('crime') + 'crime'.length });
  });

  it('does not match hidden markup', () => {
    expect(find('**Zoë Billingham** said [this](#).', '**')).toEqual([]);
    expect(find('<b>Good</b>', 'b>')).toEqual([]);
    expect(find('See [the report](#).', '(#)')).toEqual([]);
  });

  it('treats a line break or several spaces as one space, and curly quotes as straight ones', () => {
    const text = 'the force’s ability\nto   ensure';
    expect(find(text, "force's ability to ensure")).toEqual([{ start: 4, end: text.length }]);
  });

  it('never matches across table cells or list items', () => {
    const text = 'Investigating crime\tGood\n\n- one item\n- item two';
    expect(find(text, 'crime good')).toEqual([]);
    expect(find(text, 'item item')).toEqual([]);
    expect(find(text, 'good')).toEqual([{ start: 20, end: 24 }]);
  });

  it('finds nothing for an empty or blank query', () => {
    expect(find('Some text', '')).toEqual([]);
    expect(find('Some text', '   ')).toEqual([]);
  });
});
