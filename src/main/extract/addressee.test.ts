import { describe, expect, it } from 'vitest';
import { addressedIn, forceMustAct } from './addressee';

describe('addressedIn', () => {
  it('reads the addressee and the deadline a recommendation opens with', () => {
    expect(addressedIn('By 31 March 2025, chief constables should make sure that vetting is timely.', null, null)).toEqual({
      addressee: 'chief constables',
      due: '2025-03-31',
    });
    expect(addressedIn('Forces should improve how they record stalking.', null, null)).toEqual({ addressee: 'forces', due: null });
    expect(addressedIn('The Home Office should review the guidance.', null, null)).toEqual({ addressee: 'the Home Office', due: null });
    expect(addressedIn("By 30 June 2024, the National Police Chiefs' Council lead for custody should publish a standard.", null, null)).toEqual({
      addressee: "the National Police Chiefs' Council lead for custody",
      due: '2024-06-30',
    });
  });

  it('reads past a preamble to the subject', () => {
    expect(addressedIn('We recommend that, by 31 October 2024, all chief constables should:', null, null)).toEqual({ addressee: 'all chief constables', due: '2024-10-31' });
    expect(addressedIn('Chief constables should, by 31 December 2024, publish their plans.', null, null)).toEqual({ addressee: 'chief constables', due: '2024-12-31' });
  });

  it('takes a bullet’s addressee and deadline from its lead-in', () => {
    expect(addressedIn('review its call handling', 'Within three months, the force should:', '2022-06-14')).toEqual({ addressee: 'the force', due: '2022-09-14' });
    expect(addressedIn('review its call handling', 'To address this cause of concern, we recommend that within six months the force should:', '2019-09-27')).toEqual({
      addressee: 'the force',
      due: '2020-03-27',
    });
  });

  it('reads a month as its last day and a deadline at the end of a sentence', () => {
    expect(addressedIn('By March 2025, forces should act.', null, null).due).toBe('2025-03-31');
    expect(addressedIn('Chief constables should publish their plans by the end of February 2024.', null, null)).toEqual({
      addressee: 'chief constables',
      due: '2024-02-29',
    });
  });

  it('gives nulls for a statement that addresses nobody, and no relative date without a publication date', () => {
    expect(addressedIn('The force does not answer calls quickly enough.', null, null)).toEqual({ addressee: null, due: null });
    expect(addressedIn('We found that it should do more.', null, null)).toEqual({ addressee: null, due: null });
    expect(addressedIn('Within three months, the force should act.', null, null)).toEqual({ addressee: 'the force', due: null });
  });
});

describe('forceMustAct', () => {
  it('is true for what is addressed to the force, all forces or all chief constables', () => {
    for (const addressee of ['the force', 'forces', 'chief constables', 'Northmoor Police', null]) expect(forceMustAct(addressee, 'Northmoor Police'), String(addressee)).toBe(true);
    for (const addressee of ['the Home Office', 'the College of Policing', "the National Police Chiefs' Council lead for custody"]) {
      expect(forceMustAct(addressee, 'Northmoor Police'), addressee).toBe(false);
    }
  });
});
