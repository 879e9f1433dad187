import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anchorSelection, pageAt, reanchor } from './anchoring';
import { AppError } from '../../shared/api/result';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../tests/fixtures/${name}`, import.meta.url), 'utf8');

const report2016 = fixture('peel-2016-legitimacy-web-report.txt');
const report2018 = fixture('peel-2018-19-integrated-report.txt');

const FAIRNESS_AFI =
  'The force should improve how it identifies and understands the issues that have the greatest impact on public perceptions of fair and respectful treatment.';
const WELLBEING_AFI = 'The force should ensure that its supervisors can recognise and provide support with wellbeing issues.';

function select(text: string, quote: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`fixture no longer holds: ${quote}`);
  return { start, end: start + quote.length };
}

describe('anchorSelection', () => {
  it('keeps the quote and 32 characters of context either side', () => {
    const { start, end } = select(report2016, FAIRNESS_AFI);
    const saved = anchorSelection(report2016, start, end);
    expect(saved.anchor).toEqual({ start, end, page: null, quote: FAIRNESS_AFI });
    expect(saved.prefix).toHaveLength(32);
    expect(saved.prefix.endsWith('Areas for improvement\n\n  • ')).toBe(true);
    expect(saved.suffix).toBe('\n\n2\n\nHow well does the force ens');
  });

  it('drops spaces and line breaks caught at the edges of a selection', () => {
    const { start, end } = select(report2016, FAIRNESS_AFI);
    const saved = anchorSelection(report2016, start - 1, end + 2);
    expect(saved.anchor.quote).toBe(FAIRNESS_AFI);
    expect(saved.anchor.start).toBe(start);
  });

  it('takes the page from the page ranges', () => {
    const text = 'First page text.\fSecond page text.';
    const pages = [
      { page: 1, start: 0, end: 16 },
      { page: 2, start: 17, end: text.length },
    ];
    expect(anchorSelection(text, 17, 23, pages).anchor).toMatchObject({ page: 2, quote: 'Second' });
    expect(anchorSelection(text, 0, 5, pages).anchor.page).toBe(1);
    expect(pageAt(pages, 16)).toBe(1);
    expect(pageAt(undefined, 3)).toBeNull();
  });

  it('refuses a selection outside the text or made only of spaces', () => {
    expect(() => anchorSelection('short text', 4, 40)).toThrow(AppError);
    expect(() => anchorSelection('short text', 5, 5)).toThrow(/not a passage/);
    expect(() => anchorSelection('a    b', 1, 5)).toThrow(/only spaces/);
  });
});

describe('reanchor', () => {
  it('is exact on the same text', () => {
    const { start, end } = select(report2016, FAIRNESS_AFI);
    const saved = anchorSelection(report2016, start, end);
    const again = reanchor(report2016, saved);
    expect(again.status).toBe('exact');
    expect(again.anchor).toEqual(saved.anchor);
  });

  it('follows the passage when text is inserted before it', () => {
    const { start, end } = select(report2016, WELLBEING_AFI);
    const saved = anchorSelection(report2016, start, end);
    const inserted = 'Corrected import: the page header was read again.\n\n';
    const again = reanchor(inserted + report2016, saved);
    expect(again.status).toBe('moved');
    expect(again.anchor.start).toBe(start + inserted.length);
    expect(again.anchor.quote).toBe(WELLBEING_AFI);
  });

  it('chooses the occurrence of a repeated quote whose context matches', () => {
    const question3 = 'To what extent does the force treat its workforce with fairness and respect?';
    const q3 = select(report2016, question3);
    const phrase = 'fairness and respect';
    const at = report2016.indexOf(phrase, q3.start);
    expect(report2016.indexOf(phrase)).toBeLessThan(at);
    const saved = anchorSelection(report2016, at, at + phrase.length);
    // A long insertion early on puts a different "fairness and respect" at the old offsets' neighbourhood.
    const shifted = 'x'.repeat(400) + report2016;
    const again = reanchor(shifted, saved);
    expect(again.status).toBe('moved');
    expect(again.anchor.start).toBe(at + 400);
    expect(again.prefix.endsWith('treat its workforce with ')).toBe(true);
  });

  it('prefers the nearest occurrence when the contexts match equally', () => {
    const text = 'Areas for improvement. Vetting. '.repeat(5);
    const second = text.indexOf('Vetting', 40);
    const saved = {
      anchor: { start: second + 3, end: second + 10, page: null, quote: 'Vetting' },
      prefix: '',
      suffix: '',
    };
    expect(reanchor(text, saved).anchor.start).toBe(second);
  });

  it('finds a quote with a word changed inside it as fuzzy', () => {
    const { start, end } = select(report2016, WELLBEING_AFI);
    const saved = anchorSelection(report2016, start, end);
    const edited = report2016.replace('its supervisors can recognise', 'its line managers can recognise');
    const again = reanchor(edited, saved);
    expect(again.status).toBe('fuzzy');
    expect(again.anchor.quote).toBe(
      'The force should ensure that its line managers can recognise and provide support with wellbeing issues.',
    );
    expect(again.anchor.start).toBe(start);
  });

  it('finds an edited quote in a long report through pieces of the quote that survived', () => {
    const afi =
      'The force should make sure that future recruitment and staff development are supported by a functional and adequately resourced human resources team.';
    const { start, end } = select(report2018, afi);
    const saved = anchorSelection(report2018, start, end);
    const edited = 'A new preface of some length.\n'.repeat(300) + report2018.replace('adequately resourced', 'well resourced');
    const again = reanchor(edited, saved);
    expect(again.status).toBe('fuzzy');
    expect(again.anchor.quote).toBe(afi.replace('adequately resourced', 'well resourced'));
    expect(edited.slice(again.anchor.start, again.anchor.end)).toBe(again.anchor.quote);
  });

  it('reports a deleted quote as lost and keeps the saved anchor', () => {
    const { start, end } = select(report2016, FAIRNESS_AFI);
    const saved = anchorSelection(report2016, start, end);
    const without = report2016.replace(FAIRNESS_AFI, '');
    const again = reanchor(without, saved);
    expect(again.status).toBe('lost');
    expect(again.anchor).toEqual(saved.anchor);
  });

  it('does not count a short quote with one letter changed as found', () => {
    const text = 'The force vets its staff.';
    const saved = anchorSelection(text, 10, 14);
    expect(reanchor('The force gets its staff.', saved).status).toBe('lost');
  });

  it('recomputes the page of a moved passage', () => {
    const text = 'Page one.\fVetting backlog cleared.';
    const saved = anchorSelection(text, 10, 34, [
      { page: 1, start: 0, end: 9 },
      { page: 2, start: 10, end: 34 },
    ]);
    const longer = 'Page one, longer.\fVetting backlog cleared.';
    const again = reanchor(longer, saved, [
      { page: 1, start: 0, end: 17 },
      { page: 2, start: 18, end: longer.length },
    ]);
    expect(again).toMatchObject({ status: 'moved', anchor: { start: 18, page: 2 } });
  });
});
