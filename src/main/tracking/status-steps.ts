import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { ClosureProposal, FindingStatus, Resolution, StatusStep, Tracking } from '../../shared/domain/finding';

/** The record of a status change, added to the tracking it led to. */
export function withStep(tracking: Tracking, step: StatusStep['step'], from: FindingStatus, by: string, at: string): Tracking {
  const steps = tracking.steps ?? [];
  const record: StatusStep = {
    id: randomUUID(),
    at,
    by,
    step,
    from,
    to: tracking.status,
    proposal: tracking.proposal,
    resolution: tracking.resolution,
    seq: steps.length,
  };
  return { ...tracking, steps: [...steps, record] };
}

/** Steps in the order they were taken: one taken after seeing another comes later, whatever the clocks; steps taken apart by time, then id. */
export function orderSteps(steps: readonly StatusStep[]): StatusStep[] {
  return [...steps].sort((a, b) => a.seq - b.seq || (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface StepOutcome {
  status: FindingStatus;
  proposal: ClosureProposal | null;
  resolution: Resolution | null;
  /** Steps taken from a status the finding had already left (two people acting apart), with the step that stood. */
  setAside: { step: StatusStep; stood: StatusStep }[];
}

/**
 * A finding's status as its steps give it, the same on every computer: the steps are replayed in order and
 * each applies if it was taken from the status the finding then had. A step taken from a status that
 * another person's step had already left (one approved while the other sent it back) does not apply: the
 * first step taken stands, the other is set aside for people to check. Null without steps.
 */
export function statusFromSteps(steps: readonly StatusStep[]): StepOutcome | null {
  let last: StatusStep | null = null;
  const setAside: StepOutcome['setAside'] = [];
  for (const step of orderSteps(steps)) {
    if (!last || step.from === last.to) last = step;
    else setAside.push({ step, stood: last });
  }
  return last ? { status: last.to, proposal: last.proposal, resolution: last.resolution, setAside } : null;
}

/** Puts a finding's status, proposal and resolution in line with its steps (after steps arrived from the team); true if anything changed. */
export function settleStatus(tracking: Tracking): boolean {
  const outcome = statusFromSteps(tracking.steps ?? []);
  if (!outcome) return false;
  const same = tracking.status === outcome.status && isDeepStrictEqual(tracking.proposal, outcome.proposal) && isDeepStrictEqual(tracking.resolution, outcome.resolution);
  if (same) return false;
  tracking.status = outcome.status;
  tracking.proposal = outcome.proposal;
  tracking.resolution = outcome.resolution;
  return true;
}
