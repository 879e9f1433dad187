import { describe, expect, it } from 'vitest';
import { foundByText, needsCheck } from './found-by';

describe('how an item was found, and whether to check it', () => {
  it('lists items below 0.8 that the officer has not added or corrected', () => {
    const none = new Set<string>();
    expect(needsCheck({ id: 'a', confidence: 0.79 }, 'finding', none)).toBe(true);
    expect(needsCheck({ id: 'a', confidence: 0.8 }, 'finding', none)).toBe(false);
    expect(needsCheck({ id: 'a' }, 'finding', none)).toBe(false);
    expect(needsCheck({ id: 'a', confidence: 0.5, manual: true }, 'finding', none)).toBe(false);
    expect(needsCheck({ id: 'a', confidence: 0.5 }, 'finding', new Set(['finding:a']))).toBe(false);
    expect(needsCheck({ id: 'a', confidence: 0.5 }, 'judgment', new Set(['finding:a']))).toBe(true);
  });

  it('says how it was found and how sure the extractor is', () => {
    expect(foundByText({ id: 'a', foundBy: 'table', confidence: 0.62 })).toBe('from a table · 62 % sure');
    expect(foundByText({ id: 'a', foundBy: 'manual', confidence: 1 })).toBe('added by you');
    expect(foundByText({ id: 'a' })).toBeNull();
  });
});
