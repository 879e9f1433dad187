import { z } from 'zod';
import { read, write } from './define';
import { IncomingFile, SaveOutcome } from './files';
import { Id } from '../domain/ids';
import { Finding } from '../domain/finding';
import { LifecycleStep } from '../domain/lifecycle-step';
import { DueSoon, Reminders } from '../domain/due-soon';
import { TrackingSettings } from '../domain/tracking-settings';

/** The RAG rules and reminders, with the rules in words as Settings shows them. */
export const TrackingSettingsView = z.object({
  settings: TrackingSettings,
  words: z.object({ Red: z.array(z.string()), Amber: z.array(z.string()), Green: z.string() }),
});
export type TrackingSettingsView = z.infer<typeof TrackingSettingsView>;

/** What became of "open this evidence file": opened in the system's own app (desktop), or saved or downloaded. */
export const EvidenceOutcome = z.union([z.object({ status: z.literal('opened'), fileName: z.string() }), SaveOutcome]);
export type EvidenceOutcome = z.infer<typeof EvidenceOutcome>;

/** What the officer chose in the desktop notification. */
export const NotifyOutcome = z.object({ shown: z.boolean(), action: z.enum(['open', 'snooze', 'dismissed']).nullable() });
export type NotifyOutcome = z.infer<typeof NotifyOutcome>;

export const OwnerCount = z.object({ owner: z.string(), open: z.number().int().nonnegative() });
export type OwnerCount = z.infer<typeof OwnerCount>;

const Days = z.number().int().min(1).max(366);

/** Driving findings to closure: sign-off, the Due soon view, reminders, RAG rules and evidence files. */
export const trackingCalls = {
  'findings.step': write(z.object({ id: Id, step: LifecycleStep }), Finding, ['findings']),
  'findings.dueSoon': read(z.object({ days: Days, owner: z.string().trim().min(1).max(200).optional() }), DueSoon, ['findings', 'reports', 'settings']),
  /** Owners of open findings, with how many each has, for choosing whom to send an update request. */
  'findings.owners': read(z.object({}), z.array(OwnerCount), ['findings']),
  'tracking.settings': read(z.object({}), TrackingSettingsView, ['settings']),
  'tracking.updateSettings': write(TrackingSettings, TrackingSettingsView, ['settings', 'findings']),
  'reminders.due': read(z.object({}), Reminders, ['findings', 'reports', 'settings']),
  'reminders.snooze': write(z.object({ findingIds: z.array(Id).min(1).max(10_000), days: z.number().int().min(1).max(30) }), z.object({ until: z.string() }), ['settings']),
  /** Desktop: a system notification of what is due, answered with the officer's choice. Browser host: nothing shown. */
  'reminders.notify': write(z.object({}), NotifyOutcome, ['settings']),
  'reminders.exportCalendar': write(z.object({ owner: z.string().trim().min(1).max(200).optional() }), SaveOutcome, []),
  'evidence.attach': write(z.object({ id: Id, progressId: Id.nullable().optional(), file: IncomingFile }), Finding, ['findings']),
  'evidence.open': write(z.object({ id: Id, attachmentId: Id, mode: z.enum(['open', 'save']) }), EvidenceOutcome, []),
  'evidence.remove': write(z.object({ id: Id, attachmentId: Id }), Finding, ['findings']),
};
