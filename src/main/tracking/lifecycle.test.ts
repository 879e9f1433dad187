import { describe, expect, it } from 'vitest';
import { newTracking, Tracking, type Tracking as TrackingT } from '../../shared/domain/finding';
import type { LifecycleStep } from '../../shared/domain/lifecycle-step';
import { applyLifecycleStep, type StepContext } from './lifecycle';
import { applyTrackingPatch } from './tracking-update';

const BY = 'C/Insp Chris Savage';
const ctx = (at: string, extra: Partial<StepContext> = {}): StepContext => ({ by: BY, at, today: at.slice(0, 10), ...extra });
const run = (t: TrackingT, step: LifecycleStep, at = '2020-03-12T10:00:00.000Z', extra: Partial<StepContext> = {}) => applyLifecycleStep(t, step, ctx(at, extra));

const inProgress = applyTrackingPatch(newTracking(), { owner: 'Head of PSD', status: 'In progress' }, BY, '2020-02-01T09:00:00.000Z');
const withEvidence: TrackingT = { ...inProgress, evidence: ['Vetting backlog report, February 2020'] };
const propose: LifecycleStep = { step: 'propose', statement: 'Every member of staff now holds recruitment vetting.', proposedBy: 'Head of PSD' };
const proposed = run(withEvidence, propose, '2020-03-01T10:00:00.000Z');

describe('the lifecycle of a finding', () => {
  it('proposes for closure with a statement, and records who proposed it', () => {
    expect(proposed.status).toBe('Proposed for closure');
    expect(proposed.proposal).toEqual({ statement: 'Every member of staff now holds recruitment vetting.', by: 'Head of PSD', at: '2020-03-01T10:00:00.000Z' });
    expect(proposed.history.at(-1)).toEqual({
      at: '2020-03-01T10:00:00.000Z',
      by: BY,
      field: 'status',
      from: 'In progress',
      to: 'Proposed for closure',
      note: 'Every member of staff now holds recruitment vetting.',
    });
    expect(Tracking.parse(proposed)).toEqual(proposed);
  });

  it('will not propose closure without evidence, or from a status that is not being worked on', () => {
    expect(() => run(inProgress, propose)).toThrow(/Attach evidence \(a file\) or name it/);
    expect(() => run(proposed, propose)).toThrow(/already waits for sign-off/);
    const closed = run(proposed, { step: 'approve', approver: 'DCC Jane Gyford', date: '2020-03-12', reason: 'Seen at Gold Group.' });
    expect(() => run(closed, propose)).toThrow(/closed, so it cannot be proposed for closure: reopen it first/);
  });

  it('closes only with a named approver, a date and a reason, after a proposal', () => {
    const closed = run(proposed, { step: 'approve', approver: 'DCC Jane Gyford', date: '2020-03-10', reason: 'Vetting figures checked at the Gold Group.' });
    expect(closed.status).toBe('Closed');
    expect(closed.resolution).toEqual({
      status: 'Closed',
      date: '2020-03-10',
      reason: 'Vetting figures checked at the Gold Group.',
      approver: 'DCC Jane Gyford',
      supersededBy: null,
      by: BY,
      at: '2020-03-12T10:00:00.000Z',
    });
    expect(closed.history.at(-1)?.note).toBe('Approved by DCC Jane Gyford on 10 March 2020: Vetting figures checked at the Gold Group.');
    expect(() => run(withEvidence, { step: 'approve', approver: 'DCC', date: '2020-03-10', reason: 'x' })).toThrow(/in progress, so it cannot be closed: propose it for closure first/);
    expect(() => run(proposed, { step: 'approve', approver: 'DCC', date: '2020-03-13', reason: 'x' })).toThrow(/13 March 2020\) is after today/);
  });

  it('sends a proposal back with a reason, clearing it', () => {
    const back = run(proposed, { step: 'sendBack', reason: 'The figures do not cover police staff.' });
    expect(back.status).toBe('In progress');
    expect(back.proposal).toBeNull();
    expect(back.history.at(-1)).toMatchObject({ from: 'Proposed for closure', to: 'In progress', note: 'Sent back: The figures do not cover police staff.' });
    expect(() => run(withEvidence, { step: 'sendBack', reason: 'x' })).toThrow(/only a proposal for closure is sent back/);
  });

  it('supersedes by a later finding, and records no further action with a reason', () => {
    const superseded = run(inProgress, { step: 'supersede', byFindingId: 'f-2021-vetting' }, undefined, { supersededByLabel: '2021/22-AFI-03' });
    expect(superseded).toMatchObject({ status: 'Superseded', resolution: { status: 'Superseded', supersededBy: 'f-2021-vetting', reason: 'Superseded by 2021/22-AFI-03.', date: '2020-03-12' } });
    expect(superseded.history.at(-1)?.note).toBe('Superseded by 2021/22-AFI-03: Superseded by 2021/22-AFI-03.');
    const nfa = run(newTracking(), { step: 'noFurtherAction', reason: 'The unit was disbanded.', date: '2020-03-02' });
    expect(nfa).toMatchObject({ status: 'No further action', resolution: { status: 'No further action', date: '2020-03-02', reason: 'The unit was disbanded.', approver: null } });
    expect(() => run(nfa, { step: 'supersede', byFindingId: 'f-x' })).toThrow(/no further action, so it cannot be superseded: reopen it first/);
  });

  it('reopens a resolved finding with a reason, and only a resolved one', () => {
    const closed = run(proposed, { step: 'approve', approver: 'DCC Jane Gyford', date: '2020-03-10', reason: 'Checked.' });
    const reopened = run(closed, { step: 'reopen', reason: 'The 2021 inspection found the backlog had returned.' }, '2021-06-01T10:00:00.000Z');
    expect(reopened).toMatchObject({ status: 'In progress', resolution: null, proposal: null });
    expect(reopened.history.at(-1)).toMatchObject({ from: 'Closed', to: 'In progress', note: 'Reopened: The 2021 inspection found the backlog had returned.' });
    expect(() => run(inProgress, { step: 'reopen', reason: 'x' })).toThrow(/only a closed, superseded or no-further-action finding is reopened/);
  });

  it('records every step in the history, in order', () => {
    let t = run(withEvidence, propose, '2020-03-01T10:00:00.000Z');
    t = run(t, { step: 'sendBack', reason: 'Needs staff figures.' }, '2020-03-02T10:00:00.000Z');
    t = run(t, propose, '2020-03-05T10:00:00.000Z');
    t = run(t, { step: 'approve', approver: 'DCC Jane Gyford', date: '2020-03-06', reason: 'Figures complete.' }, '2020-03-06T10:00:00.000Z');
    t = run(t, { step: 'reopen', reason: 'Backlog returned.' }, '2020-09-01T10:00:00.000Z');
    expect(t.history.filter((h) => h.field === 'status').map((h) => `${String(h.from)} → ${String(h.to)}`)).toEqual([
      'Not started → In progress',
      'In progress → Proposed for closure',
      'Proposed for closure → In progress',
      'In progress → Proposed for closure',
      'Proposed for closure → Closed',
      'Closed → In progress',
    ]);
  });
});
