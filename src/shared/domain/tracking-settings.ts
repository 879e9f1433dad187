import { z } from 'zod';
import { Id, IsoDateTime } from './ids';

const Days = z.number().int().min(1).max(3650);

/**
 * When a finding is Red, Amber or Green, unless the officer rates it by hand. A null number turns that
 * condition off. Green is everything else that is open; resolved findings have no RAG.
 */
export const RagRules = z.object({
  /** Red when the target date has passed. */
  redWhenOverdue: z.boolean(),
  /** Red when nobody owns it this many days after the report was published. */
  redNoOwnerDays: Days.nullable(),
  /** Amber when due within this many days … */
  amberDueWithinDays: Days.nullable(),
  /** … and no progress update in this many days. */
  amberNoUpdateDays: Days.nullable(),
});
export type RagRules = z.infer<typeof RagRules>;

export const DEFAULT_RAG_RULES: RagRules = { redWhenOverdue: true, redNoOwnerDays: 30, amberDueWithinDays: 30, amberNoUpdateDays: 60 };

export const ReminderSettings = z.object({
  enabled: z.boolean(),
  /** Findings due within this many days (or overdue) are reminded of; Pentana's default is 45. */
  noticeDays: Days,
  /** The calendar export's alarm, this many days before a target date. */
  alarmDaysBefore: z.number().int().min(0).max(365),
});
export type ReminderSettings = z.infer<typeof ReminderSettings>;

export const DEFAULT_REMINDERS: ReminderSettings = { enabled: true, noticeDays: 45, alarmDaysBefore: 7 };

export const TrackingSettings = z.object({ rag: RagRules, reminders: ReminderSettings });
export type TrackingSettings = z.infer<typeof TrackingSettings>;

export const DEFAULT_TRACKING_SETTINGS: TrackingSettings = { rag: DEFAULT_RAG_RULES, reminders: DEFAULT_REMINDERS };

/** Reminders the officer put off: these findings are not reminded of again until `until`. */
export const ReminderSnooze = z.object({ findingIds: z.array(Id), until: IsoDateTime });
export type ReminderSnooze = z.infer<typeof ReminderSnooze>;

const days = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;

/** The rules as sentences, for Settings, the README and the finding's panel. */
export function describeRagRules(rules: RagRules): { Red: string[]; Amber: string[]; Green: string } {
  const red: string[] = [];
  if (rules.redWhenOverdue) red.push('its target date has passed');
  if (rules.redNoOwnerDays !== null) red.push(`it has no owner ${days(rules.redNoOwnerDays)} after the report was published`);
  const amber: string[] = [];
  const due = rules.amberDueWithinDays;
  const quiet = rules.amberNoUpdateDays;
  if (due !== null && quiet !== null) amber.push(`it is due within ${days(due)} and has had no progress update for ${days(quiet)}`);
  else if (due !== null) amber.push(`it is due within ${days(due)}`);
  else if (quiet !== null) amber.push(`it has had no progress update for ${days(quiet)}`);
  return { Red: red, Amber: amber, Green: 'otherwise, while it is open: on track' };
}
