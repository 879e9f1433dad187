import { describe, expect, it } from 'vitest';
import { CANONICAL_LINES, canonicalLine, questionKey } from './question-key';

describe('questionKey', () => {
  it('gives the 2016 legitimacy questions the keys of the 2018/19 components', () => {
    // 2016 web report questions, and the 2018/19 summary table and section headings.
    expect(questionKey('How well does the force ensure that its workforce behaves ethically and lawfully?')).toBe(
      questionKey('Ethical and lawful workforce behaviour'),
    );
    expect(questionKey('To what extent does the force treat all of the people it serves with fairness and respect?')).toBe(
      questionKey('Treating the public fairly'),
    );
    expect(questionKey('Fair treatment of the public')).toBe(questionKey('Treating the public fairly'));
    expect(questionKey('To what extent does the force treat its workforce with fairness and respect?')).toBe(
      questionKey('Treating the workforce fairly'),
    );
    expect(questionKey('<b>Fair treatment of the workforce</b>')).toBe(questionKey('**Treating the workforce fairly**'));
  });

  it('keeps the three legitimacy questions apart', () => {
    const keys = new Set([
      questionKey('Fair treatment of the public'),
      questionKey('Ethical and lawful workforce behaviour'),
      questionKey('Fair treatment of the workforce'),
    ]);
    expect(keys.size).toBe(3);
  });

  it('matches the older effectiveness and efficiency questions to the 2018/19 components', () => {
    const pairs: Array<[string, string]> = [
      ['How effective is the force at investigating crime and reducing re-offending?', 'Investigating crime'],
      [
        'How effective is the force at protecting those who are vulnerable from harm, and supporting victims?',
        'Protecting vulnerable people',
      ],
      [
        'How effective is the force at tackling serious and organised crime, including its arrangements for fulfilling its national policing responsibilities?',
        'Tackling serious and organised crime',
      ],
      [
        'How effective is the force at preventing crime, tackling anti-social behaviour and keeping people safe?',
        'Preventing crime and tackling anti‑social behaviour',
      ],
      ['How effective are the force’s specialist capabilities?', 'Armed response capability'],
      ['Armed policing', 'Armed response capability'],
      ['How well does the force use its resources to meet its demand?', 'Meeting current demands and using resources'],
      ['How well does the force understand demand?', 'Meeting current demands and using resources'],
      ['How well is the force planning for demand in the future?', 'Planning for the future'],
    ];
    for (const [older, component] of pairs) expect(questionKey(older), older).toBe(questionKey(component));
  });

  it('gives every 2018/19 component a different canonical key', () => {
    const components = [
      'Preventing crime and tackling anti-social behaviour',
      'Investigating crime',
      'Protecting vulnerable people',
      'Tackling serious and organised crime',
      'Armed response capability',
      'Meeting current demands and using resources',
      'Planning for the future',
      'Fair treatment of the public',
      'Ethical and lawful workforce behaviour',
      'Fair treatment of the workforce',
    ];
    const keys = components.map(questionKey);
    expect(new Set(keys).size).toBe(components.length);
    for (const key of keys) expect(canonicalLine(key)?.kind).toBe('question');
    expect(canonicalLine(questionKey('Ethical and lawful workforce behaviour'))?.pillar).toBe('legitimacy');
  });

  it('maps pillar names and pillar questions of different years to the pillar', () => {
    expect(questionKey('Legitimacy')).toBe('legitimacy');
    expect(questionKey('How legitimate is the force at keeping people safe and reducing crime?')).toBe('legitimacy');
    expect(questionKey('How legitimately does the force treat the public and its workforce?')).toBe('legitimacy');
    expect(questionKey('How effectively does the force reduce crime and keep people safe?')).toBe('effectiveness');
    expect(questionKey('How efficiently does the force operate and how sustainable are its services?')).toBe(
      'efficiency',
    );
  });

  it('falls back to the normalised wording, so only the same question meets itself', () => {
    const key = questionKey('How well does the force tackle fraud?');
    expect(key).toBe('text:tackl fraud');
    expect(questionKey('Tackling fraud')).toBe(key);
    expect(questionKey('How effective is the force at tackling fraud?')).toBe(key);
    expect(questionKey('Tackling cyber crime')).not.toBe(key);
  });

  it('lists each pillar before its questions, the 2018/19 components in the summary table order', () => {
    const keys = CANONICAL_LINES.map((l) => l.key);
    for (const line of CANONICAL_LINES) {
      if (line.kind === 'question') expect(keys.indexOf(line.pillar), line.key).toBeLessThan(keys.indexOf(line.key));
    }
    const of2018 = CANONICAL_LINES.filter((l) => l.names.some((n) => n.cycle === '2018/19' && l.kind === 'question')).map((l) => l.key);
    expect(of2018).toEqual([
      'effectiveness/preventing-crime',
      'effectiveness/investigating-crime',
      'effectiveness/protecting-vulnerable-people',
      'effectiveness/serious-organised-crime',
      'effectiveness/armed-policing',
      'efficiency/meeting-current-demands',
      'efficiency/planning-for-the-future',
      'legitimacy/fair-treatment-public',
      'legitimacy/ethical-lawful-workforce',
      'legitimacy/fair-treatment-workforce',
    ]);
  });
});
