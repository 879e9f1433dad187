import { describe, expect, it } from 'vitest';
import { CANONICAL_LINES, PEEL_CYCLES, canonicalLine, cycleOfPeriod, isAreaName, nameInCycle, questionKey } from './question-key';

describe('one vocabulary of PEEL areas across cycles', () => {
  it('lines "Investigating crime" up from 2014 to 2023–25', () => {
    const names = [
      'How effective is the force at investigating offending?',
      'How effective is the force at investigating crime and reducing re-offending?',
      'Investigating crime',
      'How effective is the force at investigating crime and managing offenders?',
    ];
    for (const name of names) expect(questionKey(name), name).toBe('effectiveness/investigating-crime');
  });

  it('follows areas whose names changed: public treatment, prevention, leadership and force management', () => {
    expect(new Set(['Fair treatment of the public', 'Engaging with and treating the public with fairness and respect', 'Police powers and public treatment'].map(questionKey))).toEqual(
      new Set(['legitimacy/fair-treatment-public']),
    );
    expect(
      new Set(['Preventing crime and tackling anti-social behaviour', 'Preventing and deterring crime and anti-social behaviour, and reducing vulnerability', 'Preventing crime'].map(questionKey)),
    ).toEqual(new Set(['effectiveness/preventing-crime']));
    expect(questionKey('Strategic planning, organisational management and value for money')).toBe(questionKey('Leadership and force management'));
    expect(questionKey('Tackling serious and organised crime')).toBe(questionKey('Disrupting serious organised crime'));
    expect(questionKey('Crime data integrity')).toBe(questionKey('Recording data about crime'));
    expect(questionKey('Managing offenders and suspects')).toBe(questionKey('Managing offenders'));
  });

  it('keeps the areas of one cycle apart', () => {
    const areas2023 = CANONICAL_LINES.flatMap((l) => l.names.filter((n) => n.cycle === '2023–25').map((n) => n.name));
    expect(areas2023).toHaveLength(10);
    expect(new Set(areas2023.map(questionKey)).size).toBe(10);
    const areas2021 = CANONICAL_LINES.flatMap((l) => l.names.filter((n) => n.cycle === '2021/22').map((n) => n.name));
    expect(new Set(areas2021.map(questionKey)).size).toBe(areas2021.length);
  });

  it('gives each cycle’s name of an area, and the cycle of a period', () => {
    expect(nameInCycle('legitimacy/fair-treatment-public', '2021/22')).toBe('Engaging with and treating the public with fairness and respect');
    expect(nameInCycle('effectiveness/responding-to-the-public', '2018/19')).toBeNull();
    expect([cycleOfPeriod('2014'), cycleOfPeriod('2016'), cycleOfPeriod('2018/19'), cycleOfPeriod('2021/22'), cycleOfPeriod('2023–2025')]).toEqual([...PEEL_CYCLES]);
    expect(cycleOfPeriod(null)).toBeNull();
  });

  it('tells a name some cycle used from words that only mention an area', () => {
    expect(isAreaName('preventing crime and tackling anti-social behaviour')).toBe(true);
    expect(isAreaName('How effective is the force at investigating crime and reducing re-offending?')).toBe(true);
    expect(isAreaName('investigating crime and protecting vulnerable people')).toBe(false);
    expect(canonicalLine(questionKey('Leadership'))?.kind).toBe('pillar');
  });
});
