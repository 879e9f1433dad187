import { z } from 'zod';
import { Id, IsoDate, IsoDateTime } from './ids';
import { FindingStatus } from './finding';

/** A finding as it stood when it was sent to its owner, so a returned row can tell what changed since. */
export const RequestedFinding = z.object({
  findingId: Id,
  reference: z.string(),
  status: FindingStatus,
  due: IsoDate.nullable(),
  /** The owner the row was sent to; the author of the progress update it returns. */
  owner: z.string().nullable(),
  /** How many history entries the finding had: later ones are changes made since the request. */
  historyLength: z.number().int().nonnegative(),
});
export type RequestedFinding = z.infer<typeof RequestedFinding>;

/**
 * An update request sent to owners as a workbook. The workbook carries this id; only workbooks whose id
 * the store knows are applied, and each row is applied once.
 */
export const UpdateRequest = z.object({
  id: Id,
  date: IsoDate,
  createdAt: IsoDateTime,
  /** The owner it was made for; null for every owner. */
  owner: z.string().nullable(),
  by: z.string(),
  findings: z.array(RequestedFinding),
  /** References of rows already applied, with when. */
  applied: z.array(z.object({ reference: z.string(), at: IsoDateTime })),
});
export type UpdateRequest = z.infer<typeof UpdateRequest>;

/** The statuses an owner may propose in a returned workbook; closing itself needs sign-off. */
export const OWNER_STATUSES = ['In progress', 'Proposed for closure'] as const;

/** One filled-in row of a returned workbook, as the review screen shows it. */
export const ReturnRow = z.object({
  requestId: Id,
  reference: z.string(),
  findingId: Id,
  findingText: z.string(),
  owner: z.string().nullable(),
  progress: z.object({ text: z.string(), on: IsoDate }).nullable(),
  status: z.object({ from: FindingStatus, to: z.enum(OWNER_STATUSES) }).nullable(),
  due: z.object({ from: IsoDate.nullable(), to: IsoDate }).nullable(),
  evidence: z.array(z.string()),
  /** Changes made in the app since the request was sent that this row would overwrite. */
  conflicts: z.array(z.string()),
  /** What in the row cannot be applied as it stands (a date that is not a date …). */
  problems: z.array(z.string()),
  /** Applied from this request before, at this time. */
  appliedAt: IsoDateTime.nullable(),
});
export type ReturnRow = z.infer<typeof ReturnRow>;

/** A returned workbook: its rows, or why it was refused (nothing of it is applied). */
export const ReturnedWorkbook = z.object({
  fileName: z.string(),
  refused: z.string().nullable(),
  requestId: Id.nullable(),
  requestDate: IsoDate.nullable(),
  owner: z.string().nullable(),
  rows: z.array(ReturnRow),
  /** Rows left empty by the owner. */
  unchanged: z.number().int().nonnegative(),
  warnings: z.array(z.string()),
});
export type ReturnedWorkbook = z.infer<typeof ReturnedWorkbook>;

export const ReturnsPreview = z.object({ workbooks: z.array(ReturnedWorkbook) });
export type ReturnsPreview = z.infer<typeof ReturnsPreview>;

/** A row the officer accepted; one with conflicts is applied only when `overrideConflict` says so. */
export const AcceptedRow = z.object({ requestId: Id, reference: z.string().min(1).max(100), overrideConflict: z.boolean().default(false) });
export type AcceptedRow = z.infer<typeof AcceptedRow>;

export const ApplySummary = z.object({
  applied: z.array(z.object({ requestId: Id, reference: z.string(), findingId: Id })),
  skipped: z.array(z.object({ requestId: Id.nullable(), reference: z.string(), reason: z.string() })),
  refused: z.array(z.object({ fileName: z.string(), reason: z.string() })),
});
export type ApplySummary = z.infer<typeof ApplySummary>;
