import { describe, expect, it } from 'vitest';
import { questionKey } from './question-key';

describe('questionKey across the wordings the reports and papers use', () => {
  it('matches the PEEL 2016/17 legitimacy questions with the 2018/19 component names', () => {
    expect(questionKey('How well does the force ensure that its workforce behaves ethically and lawfully?')).toBe(
      questionKey('Ethical and lawful workforce behaviour'),
    );
    expect(questionKey('To what extent does the force treat all of the people it serves with fairness and respect?')).toBe(
      questionKey('Treating the public fairly'),
    );
    // The 2018/19 report's summary table says "Fair treatment of the public" for the same component.
    expect(questionKey('Fair treatment of the public')).toBe(questionKey('Treating the public fairly'));
    expect(questionKey('To what extent does the force treat its workforce with fairness and respect?')).toBe(
      questionKey('Fair treatment of the workforce'),
    );
  });

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
