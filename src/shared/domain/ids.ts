import { z } from 'zod';

/** Every stored entity is named by an opaque string id (a UUID made in main). */
export const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'ids are letters, digits, - and _');
export type Id = z.infer<typeof Id>;

/** ISO 8601 calendar date, e.g. 2018-01-16. */
export const IsoDate = z.iso.date();
/** ISO 8601 instant, e.g. 2018-01-16T09:30:00.000Z. */
export const IsoDateTime = z.iso.datetime({ offset: true });
