import { z } from 'zod';
import {
  Annotation,
  BoardPaper,
  DEFAULT_TRACKING_SETTINGS,
  Finding,
  FindingLink,
  Id,
  Note,
  ProgressPaper,
  ReminderSnooze,
  Report,
  ReportText,
  Settings,
  TrackingSettings,
  UpdateRequest,
} from '../../shared/domain';

/**
 * The store's on-disk format version; bump it with a migration in migrations.ts.
 * 2: findings are closed through sign-off ("Completed — awaiting evidence" became "Proposed for closure"),
 * progress updates carry the date they are about, evidence can be files.
 */
export const SCHEMA_VERSION = 2;

/** The small file read first: which reports exist, settings, papers and links between findings. */
export const IndexDoc = z.object({
  schemaVersion: z.number().int().positive(),
  reportIds: z.array(Id),
  settings: Settings,
  papers: z.array(BoardPaper),
  links: z.array(FindingLink),
  /**
   * Whether the documents that change are encrypted at rest (Store.setEncryption). Kept out of
   * `settings` so a settings save cannot flip it without the files being rewritten.
   */
  encryptAtRest: z.boolean().optional(),
  /** RAG rules and reminders (Settings → Tracking). */
  tracking: TrackingSettings.default(DEFAULT_TRACKING_SETTINGS),
  /** Reminders put off with "Snooze": this officer's own, so not shared when working as a team. */
  snoozes: z.array(ReminderSnooze).default([]).meta({ sync: 'personal' }),
  /** Update requests sent to owners, so returned workbooks are recognised and applied once. */
  updateRequests: z.array(UpdateRequest).default([]),
  progressPapers: z.array(ProgressPaper).default([]),
});
export type IndexDoc = z.infer<typeof IndexDoc>;

/** One file per report: what was extracted, its findings with their tracking, and its annotations. */
export const ReportDoc = z.object({
  report: Report,
  findings: z.array(Finding),
  annotations: z.array(Annotation),
});
export type ReportDoc = z.infer<typeof ReportDoc>;

/** Fieldwork notes, spread over a fixed number of files by id so a save rewrites only a few hundred notes. */
export const NotesShard = z.object({ notes: z.array(Note) });
export type NotesShard = z.infer<typeof NotesShard>;

export const TextDoc = ReportText;
export type TextDoc = ReportText;
