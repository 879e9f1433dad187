import { z } from 'zod';
import { Id, IsoDate, IsoDateTime } from './ids';
import { ExtractedFinding } from './extraction';

export const FINDING_STATUSES = [
  'Not started',
  'In progress',
  'Completed — awaiting evidence',
  'Closed',
  'Superseded',
] as const;
export const FindingStatus = z.enum(FINDING_STATUSES);
export type FindingStatus = z.infer<typeof FindingStatus>;

export const RAGS = ['Red', 'Amber', 'Green'] as const;
export const Rag = z.enum(RAGS);
export type Rag = z.infer<typeof Rag>;

export const ProgressUpdate = z.object({
  id: Id,
  at: IsoDateTime,
  by: z.string(),
  text: z.string().min(1),
});
export type ProgressUpdate = z.infer<typeof ProgressUpdate>;

/** One change of one tracked field, for the finding's history. */
export const FieldChange = z.object({
  at: IsoDateTime,
  by: z.string(),
  field: z.string(),
  from: z.unknown(),
  to: z.unknown(),
});
export type FieldChange = z.infer<typeof FieldChange>;

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
  status: FindingStatus,
  rag: Rag.nullable(),
  due: IsoDate.nullable(),
  progress: z.array(ProgressUpdate),
  evidence: z.array(z.string()),
  history: z.array(FieldChange),
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
