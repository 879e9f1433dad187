import { describe, expect, it } from 'vitest';
import { newTracking, type StatusStep, type Tracking } from '../../shared/domain/finding';
import { applyLifecycleStep } from './lifecycle';
import { settleStatus, statusFromSteps } from './status-steps';
import { applyTrackingPatch } from './tracking-update';

const ctx = (by: string, at: string) => ({ by, at, today: '2024-06-30' });

/** A finding proposed for closure by Ann: In progress (set), then proposed with evidence named. */
function proposed(): Tracking {
  let t = applyTrackingPatch(newTracking(), { status: 'In progress', evidence: ['Audit report'] }, 'Ann', '2024-06-01T09:00:00.000Z');
  t = applyLifecycleStep(t, { step: 'propose', statement: 'Backlog cleared.' }, ctx('Ann', '2024-06-02T09:00:00.000Z'));
  return t;
}

describe('status steps', () => {
  it('records every status change as a step, numbered in the order taken', () => {
    const t = applyLifecycleStep(proposed(), { step: 'approve', approver: 'Supt Gold', date: '2024-06-03', reason: 'Seen at the group.' }, ctx('Ann', '2024-06-03T09:00:00.000Z'));
    expect(t.steps!.map((s) => [s.seq, s.step, s.from, s.to, s.by])).toEqual([
      [0, 'set', 'Not started', 'In progress', 'Ann'],
      [1, 'propose', 'In progress', 'Proposed for closure', 'Ann'],
      [2, 'approve', 'Proposed for closure', 'Closed', 'Ann'],
    ]);
    expect(t.steps![2]!.resolution).toMatchObject({ status: 'Closed', approver: 'Supt Gold', date: '2024-06-03', reason: 'Seen at the group.' });
    expect(statusFromSteps(t.steps!)).toMatchObject({ status: 'Closed', resolution: t.resolution, proposal: t.proposal, setAside: [] });
  });

  it('an edit that leaves the status alone adds no step', () => {
    const t = applyTrackingPatch(proposed(), { owner: 'Supt Gold' }, 'Ann', '2024-06-04T09:00:00.000Z');
    expect(t.steps).toHaveLength(2);
  });

  it('two steps taken apart from the same status: the first taken stands, the other is set aside, the same whichever arrives first', () => {
    const base = proposed();
    const approved = applyLifecycleStep(base, { step: 'approve', approver: 'Supt Gold', date: '2024-06-03', reason: 'Seen.' }, ctx('Ann', '2024-06-03T10:00:00.000Z'));
    const sentBack = applyLifecycleStep(base, { step: 'sendBack', reason: 'The audit is a draft.' }, ctx('Ben', '2024-06-03T10:05:00.000Z'));
    const a = approved.steps!.at(-1)!;
    const b = sentBack.steps!.at(-1)!;
    expect(a.seq).toBe(b.seq);
    for (const steps of [
      [...base.steps!, a, b],
      [...base.steps!, b, a],
    ]) {
      const outcome = statusFromSteps(steps)!;
      expect(outcome.status).toBe('Closed');
      expect(outcome.resolution?.approver).toBe('Supt Gold');
      expect(outcome.setAside.map(({ step, stood }) => [step.step, step.by, stood.step])).toEqual([['sendBack', 'Ben', 'approve']]);
    }
  });

  it('a step taken after seeing another follows it, even when its computer’s clock is behind', () => {
    const approved = applyLifecycleStep(proposed(), { step: 'approve', approver: 'Supt Gold', date: '2024-06-03', reason: 'Seen.' }, ctx('Ann', '2024-06-03T10:00:00.000Z'));
    // Ben reopens it on a laptop whose clock is an hour slow.
    const reopened = applyLifecycleStep(approved, { step: 'reopen', reason: 'A complaint came in.' }, ctx('Ben', '2024-06-03T09:30:00.000Z'));
    expect(statusFromSteps(reopened.steps!)).toMatchObject({ status: 'In progress', resolution: null, setAside: [] });
  });

  it('settles a finding whose steps arrived from elsewhere', () => {
    const mine = proposed();
    const theirs = applyLifecycleStep(mine, { step: 'sendBack', reason: 'Draft only.' }, ctx('Ben', '2024-06-03T10:05:00.000Z'));
    const merged: Tracking = { ...mine, steps: [...mine.steps!, theirs.steps!.at(-1) as StatusStep] };
    expect(settleStatus(merged)).toBe(true);
    expect(merged).toMatchObject({ status: 'In progress', proposal: null });
    expect(settleStatus(merged)).toBe(false);
  });

  it('without steps (a store from before they were kept) there is nothing to replay', () => {
    expect(statusFromSteps([])).toBeNull();
    const t = { ...newTracking(), status: 'Closed' as const };
    expect(settleStatus(t)).toBe(false);
    expect(t.status).toBe('Closed');
  });
});
