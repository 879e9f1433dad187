import { describe, expect, it } from 'vitest';
import { questionKey } from './question-key';

describe('questionKey across the wordings the reports and papers use', () => {
  it('ignores case, punctuation and hyphenation', () => {
    expect(questionKey('Preventing crime and tackling anti-social behaviour')).toBe(
      questionKey('PREVENTING CRIME AND TACKLING ANTISOCIAL BEHAVIOUR.'),
    );
    expect(questionKey('How well does the force’s   workforce behave?')).toBe(questionKey("how well does the force's workforce behave"));
  });

  it('keeps different questions apart', () => {
    expect(questionKey('Treating the public fairly')).not.toBe(questionKey('Treating the workforce fairly'));
    expect(questionKey('Investigating crime')).not.toBe(questionKey('Protecting vulnerable people'));
  });
});
