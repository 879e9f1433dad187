import { AppError } from '../../shared/api/result';
import {
  RESOLVED_STATUSES,
  WORKING_STATUSES,
  type FieldChange,
  type FindingStatus,
  type Resolution,
  type Tracking,
} from '../../shared/domain/finding';
import type { LifecycleStep } from '../../shared/domain/lifecycle-step';
import { dateInWords } from '../paper/dates';
import { withStep } from './status-steps';

export interface StepContext {
  /** The officer recording the step (Settings → Your name). */
  by: string;
  /** When it is recorded, ISO instant. */
  at: string;
  /** Today, ISO date: decisions cannot be dated later. */
  today: string;
  /** For supersede: the later finding's reference, for the history's wording. */
  supersededByLabel?: string;
}

const isWorking = (s: FindingStatus): boolean => (WORKING_STATUSES as readonly string[]).includes(s);
const isResolved = (s: FindingStatus): boolean => (RESOLVED_STATUSES as readonly string[]).includes(s);
const isOpen = (s: FindingStatus): boolean => !isResolved(s);

function refuse(message: string): never {
  throw new AppError('invalid-input', message);
}

function requireFrom(tracking: Tracking, allowed: (s: FindingStatus) => boolean, what: string, hint: string): void {
  if (!allowed(tracking.status)) refuse(`This finding is ${tracking.status.toLowerCase()}, so it cannot be ${what}${hint ? `: ${hint}` : ''}.`);
}

function checkDate(date: string, today: string, what: string): void {
  if (date > today) refuse(`${what} (${dateInWords(date)}) is after today; record a decision once it has been made.`);
}

function withStatus(tracking: Tracking, step: LifecycleStep['step'], to: FindingStatus, ctx: StepContext, note: string, rest: Partial<Tracking>): Tracking {
  const change: FieldChange = { at: ctx.at, by: ctx.by, field: 'status', from: tracking.status, to, note };
  return withStep({ ...tracking, ...rest, status: to, history: [...tracking.history, change] }, step, tracking.status, ctx.by, ctx.at);
}

/**
 * Applies one lifecycle step, or refuses it with the reason. Returns a new Tracking with the status
 * change and its reason in the history; the one passed in is not changed.
 */
export function applyLifecycleStep(tracking: Tracking, step: LifecycleStep, ctx: StepContext): Tracking {
  switch (step.step) {
    case 'propose': {
      requireFrom(tracking, isWorking, 'proposed for closure', tracking.status === 'Proposed for closure' ? 'it already waits for sign-off' : 'reopen it first');
      const statement = step.statement.trim();
      if (!statement) refuse('A closure statement is needed: say what was done and how the evidence shows it.');
      if (tracking.attachments.length === 0 && tracking.evidence.length === 0) {
        refuse('Attach evidence (a file) or name it before proposing closure: the approver needs something to check.');
      }
      const by = step.proposedBy?.trim() || ctx.by;
      return withStatus(tracking, 'propose', 'Proposed for closure', ctx, statement, { proposal: { statement, by, at: ctx.at } });
    }
    case 'approve': {
      requireFrom(tracking, (s) => s === 'Proposed for closure', 'closed', 'propose it for closure first, with a statement and evidence');
      checkDate(step.date, ctx.today, 'The date of the approval');
      const resolution: Resolution = {
        status: 'Closed',
        date: step.date,
        reason: step.reason.trim(),
        approver: step.approver.trim(),
        supersededBy: null,
        by: ctx.by,
        at: ctx.at,
      };
      const note = `Approved by ${resolution.approver} on ${dateInWords(step.date)}: ${resolution.reason}`;
      return withStatus(tracking, 'approve', 'Closed', ctx, note, { resolution });
    }
    case 'sendBack': {
      requireFrom(tracking, (s) => s === 'Proposed for closure', 'sent back', 'only a proposal for closure is sent back');
      return withStatus(tracking, 'sendBack', 'In progress', ctx, `Sent back: ${step.reason.trim()}`, { proposal: null });
    }
    case 'supersede': {
      requireFrom(tracking, isOpen, 'superseded', 'reopen it first');
      const label = ctx.supersededByLabel ?? step.byFindingId;
      const reason = step.reason?.trim() || `Superseded by ${label}.`;
      const resolution: Resolution = { status: 'Superseded', date: ctx.today, reason, approver: null, supersededBy: step.byFindingId, by: ctx.by, at: ctx.at };
      return withStatus(tracking, 'supersede', 'Superseded', ctx, `Superseded by ${label}: ${reason}`, { resolution, proposal: null });
    }
    case 'noFurtherAction': {
      requireFrom(tracking, isOpen, 'marked no further action', 'reopen it first');
      const date = step.date ?? ctx.today;
      checkDate(date, ctx.today, 'The date of the decision');
      const reason = step.reason.trim();
      const resolution: Resolution = { status: 'No further action', date, reason, approver: null, supersededBy: null, by: ctx.by, at: ctx.at };
      return withStatus(tracking, 'noFurtherAction', 'No further action', ctx, `No further action: ${reason}`, { resolution, proposal: null });
    }
    case 'reopen': {
      requireFrom(tracking, isResolved, 'reopened', 'only a closed, superseded or no-further-action finding is reopened');
      return withStatus(tracking, 'reopen', 'In progress', ctx, `Reopened: ${step.reason.trim()}`, { resolution: null, proposal: null });
    }
  }
}

/** Why a status cannot be set directly, or null when it can (Not started ↔ In progress). */
export function directStatusRefusal(from: FindingStatus, to: FindingStatus): string | null {
  if (from === to) return null;
  if (isResolved(from)) return `This finding is ${from.toLowerCase()}; reopen it, with a reason, to change its status.`;
  if (from === 'Proposed for closure') return 'This finding waits for sign-off: approve it, or send it back with a reason.';
  if (to === 'Proposed for closure') return 'Propose the finding for closure with a closure statement (and evidence attached or named).';
  if (to === 'Closed') return 'A finding is closed by sign-off: propose it for closure, then a named approver approves it.';
  if (to === 'Superseded') return 'Mark the finding superseded by the later finding that replaces it.';
  if (to === 'No further action') return 'Record no further action with a reason.';
  return null;
}
