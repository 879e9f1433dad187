import { z } from 'zod';
import { Id, IsoDate, IsoDateTime } from './ids';
import { ExtractedFinding } from './extraction';

/**
 * A finding's life: worked on (Not started, In progress), proposed for closure by the owner or the
 * officer with a statement and evidence, then signed off (Closed, by a named approver) or sent back.
 * Superseded (by a later finding) and No further action end it too. See src/main/tracking/lifecycle.ts.
 */
export const FINDING_STATUSES = [
  'Not started',
  'In progress',
  'Proposed for closure',
  'Closed',
  'Superseded',
  'No further action',
] as const;
export const FindingStatus = z.enum(FINDING_STATUSES);
export type FindingStatus = z.infer<typeof FindingStatus>;

/** Statuses the officer sets directly; every other one is reached through a lifecycle step. */
export const WORKING_STATUSES = ['Not started', 'In progress'] as const satisfies readonly FindingStatus[];

/** Statuses that end a finding's tracking; each carries a Resolution saying who decided, when and why. */
export const RESOLVED_STATUSES = ['Closed', 'Superseded', 'No further action'] as const satisfies readonly FindingStatus[];
export type ResolvedStatus = (typeof RESOLVED_STATUSES)[number];

/** The status stores of format 1 used before sign-off existed; read as "Proposed for closure". */
export const LEGACY_AWAITING_EVIDENCE = 'Completed — awaiting evidence';

/** A status as stored: format 1's "Completed — awaiting evidence" still reads (backups, old archives). */
const StoredStatus = z.union([FindingStatus, z.literal(LEGACY_AWAITING_EVIDENCE).transform((): FindingStatus => 'Proposed for closure')]);

export const RAGS = ['Red', 'Amber', 'Green'] as const;
export const Rag = z.enum(RAGS);
export type Rag = z.infer<typeof Rag>;

export const ProgressUpdate = z.object({
  id: Id,
  /** When it was entered. */
  at: IsoDateTime,
  /** The date the update is about (a meeting's date, typed in afterwards); absent in older stores, where it is the date of `at`. */
  on: IsoDate.optional(),
  by: z.string(),
  text: z.string().min(1),
  /** How it arrived when not typed in the app, e.g. "update request of 3 March 2020". */
  via: z.string().optional(),
});
export type ProgressUpdate = z.infer<typeof ProgressUpdate>;

/** The date a progress update is about. */
export const progressDate = (p: Pick<ProgressUpdate, 'at' | 'on'>): string => p.on ?? p.at.slice(0, 10);

/** Progress updates in date order, those of one day in the order they were entered. */
export function compareProgress(a: Pick<ProgressUpdate, 'at' | 'on'>, b: Pick<ProgressUpdate, 'at' | 'on'>): number {
  const da = progressDate(a);
  const db = progressDate(b);
  if (da !== db) return da < db ? -1 : 1;
  return Date.parse(a.at) - Date.parse(b.at);
}

/** One change of one tracked field, for the finding's history. */
export const FieldChange = z.object({
  at: IsoDateTime,
  by: z.string(),
  field: z.string(),
  from: z.unknown(),
  to: z.unknown(),
  /** Why, for lifecycle steps: the closure statement, the approver's reason, why it was sent back or reopened. */
  note: z.string().optional(),
});
export type FieldChange = z.infer<typeof FieldChange>;

/** A file attached as evidence, kept in the data folder by its sha256 (evidence/<sha256>). */
export const EvidenceFile = z.object({
  id: Id,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The file's own name, as the officer's system will open it. */
  name: z.string().min(1).max(255),
  size: z.number().int().nonnegative(),
  mimeType: z.string(),
  addedAt: IsoDateTime,
  by: z.string(),
  /** The progress update it supports, or null for the finding as a whole. */
  progressId: Id.nullable(),
});
export type EvidenceFile = z.infer<typeof EvidenceFile>;

/** A proposal to close, waiting for sign-off. */
export const ClosureProposal = z.object({
  statement: z.string().min(1),
  /** Who proposed it: the owner (through an update request) or the officer. */
  by: z.string(),
  at: IsoDateTime,
});
export type ClosureProposal = z.infer<typeof ClosureProposal>;

/** How a finding's tracking ended. */
export const Resolution = z.object({
  status: z.enum(RESOLVED_STATUSES),
  /** The date of the decision, which may be a meeting's date before it was entered. */
  date: IsoDate,
  reason: z.string(),
  /** Who signed a closure off; null only for findings closed before sign-off was recorded (format 1). */
  approver: z.string().nullable(),
  /** The later finding that replaces a superseded one. */
  supersededBy: Id.nullable(),
  by: z.string(),
  at: IsoDateTime,
});
export type Resolution = z.infer<typeof Resolution>;

export const STEP_KINDS = ['set', 'propose', 'approve', 'sendBack', 'supersede', 'noFurtherAction', 'reopen'] as const;

/**
 * One change of a finding's status, kept as a record that is only ever added, never edited: the step
 * taken (`set` for Not started ↔ In progress), the status it was taken from and the state it led to.
 * Team working shares these rather than the status itself, so two people's steps never overwrite each
 * other; the status, proposal and resolution are those of the last step that applies
 * (src/main/tracking/status-steps.ts).
 */
export const StatusStep = z.object({
  id: Id,
  at: IsoDateTime,
  by: z.string(),
  step: z.enum(STEP_KINDS),
  from: FindingStatus,
  to: FindingStatus,
  proposal: ClosureProposal.nullable(),
  resolution: Resolution.nullable(),
  /** How many steps the finding had when this one was taken: steps taken one after another keep their order whatever the computers' clocks say. */
  seq: z.number().int().nonnegative(),
});
export type StatusStep = z.infer<typeof StatusStep>;

export const RAG_SOURCES = ['manual', 'derived'] as const;
/**
 * Two people changed the same field of a finding while apart (team working): the value kept by the
 * team's rule (the later change) and the one set aside, which is also in the history. Shown as
 * "changed by two people — check" until someone confirms.
 */
export const TwoPeopleChange = z.object({
  field: z.string(),
  kept: z.unknown(),
  keptBy: z.string(),
  keptAt: IsoDateTime,
  other: z.unknown(),
  otherBy: z.string(),
  otherAt: IsoDateTime,
});
export type TwoPeopleChange = z.infer<typeof TwoPeopleChange>;

export const Tracking = z.object({
  owner: z.string().nullable(),
  status: StoredStatus,
  /**
   * As stored: the officer's own rating, which overrides the rules (null: the rules decide). On the copies
   * main sends out: the rating that applies, with `ragSource` and `ragReason` saying where it came from.
   */
  rag: Rag.nullable(),
  ragSource: z.enum(RAG_SOURCES).optional(),
  ragReason: z.string().optional(),
  due: IsoDate.nullable(),
  progress: z.array(ProgressUpdate),
  /** Evidence named in words (a document's title, minutes of a meeting). */
  evidence: z.array(z.string()),
  /** Evidence as files. */
  attachments: z.array(EvidenceFile).default([]),
  proposal: ClosureProposal.nullable().default(null),
  resolution: Resolution.nullable().default(null),
  history: z.array(FieldChange),
  /** Every status change as a record (absent in stores from before they were kept). */
  steps: z.array(StatusStep).optional(),
  twoPeople: z.array(TwoPeopleChange).optional(),
});
export type Tracking = z.infer<typeof Tracking>;

export const newTracking = (): Tracking => ({
  owner: null,
  status: 'Not started',
  rag: null,
  due: null,
  progress: [],
  evidence: [],
  attachments: [],
  proposal: null,
  resolution: null,
  history: [],
});

/** A finding as stored: what was extracted (or added by hand), its place in the report, and its tracking. */
export const Finding = ExtractedFinding.extend({
  id: Id,
  reportId: Id,
  order: z.number().int().nonnegative(),
  /** Added by the officer rather than extracted. */
  manual: z.boolean(),
  tracking: Tracking,
});
export type Finding = z.infer<typeof Finding>;

/**
 * The same finding in an earlier and a later report. Suggested links wait for the officer;
 * rejected ones are kept so they are not suggested again.
 */
export const FindingLink = z.object({
  id: Id,
  earlierId: Id,
  laterId: Id,
  state: z.enum(['suggested', 'confirmed', 'rejected']),
  score: z.number().min(0).max(1),
  at: IsoDateTime,
});
export type FindingLink = z.infer<typeof FindingLink>;
