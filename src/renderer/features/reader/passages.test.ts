import { describe, expect, it } from 'vitest';
import { documentBlocks } from './document-model';
import { paragraphAt, sentenceAt, shownText } from './passages';

const TEXT =
  '## Ethical behaviour\n\nThe force is good at [vetting](#) its staff. It should improve, e.g. by training. Does it?\n\n- First item of the list.\n- Second item.\n';
const blocks = documentBlocks(TEXT, []);
const at = (words: string) => TEXT.indexOf(words);
const slice = (r: { start: number; end: number } | null) => (r ? TEXT.slice(r.start, r.end) : null);

describe('selecting a passage from the keyboard', () => {
  it('selects the sentence at the caret, markup inside it included, never the space after it', () => {
    expect(slice(sentenceAt(TEXT, blocks, at('good at')))).toBe('The force is good at [vetting](#) its staff.');
    expect(slice(sentenceAt(TEXT, blocks, at('improve')))).toBe('It should improve, e.g. by training.');
    expect(slice(sentenceAt(TEXT, blocks, at('Does')))).toBe('Does it?');
  });

  it('selects the paragraph, list item or heading at the caret, without its markers', () => {
    expect(slice(paragraphAt(TEXT, blocks, at('staff')))).toBe('The force is good at [vetting](#) its staff. It should improve, e.g. by training. Does it?');
    expect(slice(paragraphAt(TEXT, blocks, at('Second')))).toBe('Second item.');
    expect(slice(paragraphAt(TEXT, blocks, 0))).toBe('Ethical behaviour');
  });

  it('a caret between blocks takes the next one', () => {
    expect(slice(paragraphAt(TEXT, blocks, at('\n\n- First') + 1))).toBe('First item of the list.');
  });

  it('gives the words of a passage as shown, for the annotation and finding dialogs', () => {
    expect(shownText(TEXT, blocks, { start: at('good at'), end: at('Second') + 6 })).toBe(
      'good at vetting its staff. It should improve, e.g. by training. Does it?\nFirst item of the list.\nSecond',
    );
  });
});
