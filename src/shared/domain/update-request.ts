import { z } from 'zod';
import { Id, IsoDate, IsoDateTime } from './ids';
import { FindingStatus } from './finding';

/** A finding as it stood when it was sent to its owner, so a returned row can tell what changed since. */
export const RequestedFinding = z.object({
  findingId: Id,
  reference: z.string(),
  status: FindingStatus,
  due: IsoDate.nullable(),
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
