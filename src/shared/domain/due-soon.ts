import { z } from 'zod';
import { Id, IsoDate } from './ids';
import { FindingStatus, Rag } from './finding';

/** An open finding with a target date, as the Due soon view, the reminders and the calendar list it. */
export const DueItem = z.object({
  findingId: Id,
  reportId: Id,
  reference: z.string(),
  reportTitle: z.string(),
  text: z.string(),
  owner: z.string().nullable(),
  status: FindingStatus,
  rag: Rag.nullable(),
  due: IsoDate,
  /** Days from today to the target date; negative when overdue. */
  daysLeft: z.number().int(),
  overdue: z.boolean(),
});
export type DueItem = z.infer<typeof DueItem>;

export const DUE_SOON_WINDOWS = [30, 60, 90] as const;

/** Owners whose findings are most pressing first; within an owner, overdue first, then the soonest. */
export const DueSoon = z.object({
  days: z.number().int(),
  today: IsoDate,
  groups: z.array(z.object({ owner: z.string().nullable(), items: z.array(DueItem) })),
  total: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
});
export type DueSoon = z.infer<typeof DueSoon>;

/** What to remind the officer of now: overdue findings and those due within the notice period, less any snoozed. */
export const Reminders = z.object({
  enabled: z.boolean(),
  noticeDays: z.number().int(),
  items: z.array(DueItem),
  overdue: z.number().int().nonnegative(),
  dueSoon: z.number().int().nonnegative(),
  snoozed: z.number().int().nonnegative(),
});
export type Reminders = z.infer<typeof Reminders>;
