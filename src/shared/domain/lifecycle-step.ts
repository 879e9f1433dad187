import { z } from 'zod';
import { Id, IsoDate } from './ids';

const Words = (what: string, max = 4_000) => z.string().trim().min(1, `${what} is needed`).max(max);

/**
 * One step in a finding's life beyond Not started / In progress (which are set directly). Each is
 * recorded in the finding's history with its reason. Rules: src/main/tracking/lifecycle.ts.
 */
export const LifecycleStep = z.discriminatedUnion('step', [
  /** Not started or In progress → Proposed for closure, with a statement; the finding must have evidence. */
  z.object({ step: z.literal('propose'), statement: Words('A closure statement', 20_000), proposedBy: z.string().trim().max(200).optional() }),
  /** Proposed for closure → Closed, signed off by a named approver. */
  z.object({ step: z.literal('approve'), approver: Words('The approver’s name', 200), date: IsoDate, reason: Words('A reason') }),
  /** Proposed for closure → In progress, with why. */
  z.object({ step: z.literal('sendBack'), reason: Words('A reason') }),
  /** Any open status → Superseded by a finding of a later report. */
  z.object({ step: z.literal('supersede'), byFindingId: Id, reason: z.string().trim().max(4_000).optional() }),
  /** Any open status → No further action, with why. */
  z.object({ step: z.literal('noFurtherAction'), reason: Words('A reason'), date: IsoDate.optional() }),
  /** Closed, Superseded or No further action → In progress, with why. */
  z.object({ step: z.literal('reopen'), reason: Words('A reason') }),
]);
export type LifecycleStep = z.infer<typeof LifecycleStep>;
