import { z } from 'zod';
import { read, write } from './define';
import { IncomingFile, SaveOutcome } from './files';
import { IsoDate } from '../domain/ids';
import { AcceptedRow, ApplySummary, ReturnsPreview } from '../domain/update-request';

const Returned = z.array(IncomingFile).min(1, 'choose at least one returned workbook').max(50);

/** Asking owners for updates: the request they fill in, and applying what comes back after a review. */
export const requestCalls = {
  /** One owner's open findings, or every open finding; recorded so the returned workbook is recognised. */
  'requests.create': write(
    z.object({ owner: z.string().trim().min(1).max(200).optional(), format: z.enum(['xlsx', 'docx']), returnBy: IsoDate.optional() }),
    SaveOutcome,
    ['findings'],
  ),
  /** What the returned workbooks would change, row by row; changes nothing. */
  'requests.preview': read(z.object({ files: Returned }), ReturnsPreview, ['findings']),
  'requests.apply': write(z.object({ files: Returned, accept: z.array(AcceptedRow).max(10_000) }), ApplySummary, ['findings']),
};
