import { z } from 'zod';
import { Report } from '../../shared/domain/report';
import { Id } from '../../shared/domain/ids';
import type { WriteFs } from './atomic-write';
import type { Sealing } from './cipher';
import { DurableJsonFile } from './durable-json-file';
import type { ReportDoc } from './schema';

/** What the reports list shows of a report, held for every report from the moment the store opens. */
export interface ReportHead {
  report: Report;
  findingCount: number;
}

export const headOf = (doc: ReportDoc): ReportHead => ({ report: doc.report, findingCount: doc.findings.length });

/**
 * `cache/reports.json`: each report's head with the stamp of the report file it was taken from, so
 * opening a store of thousands of reports reads one small file instead of every report. It is derived
 * data: an entry whose stamp no longer matches its file is read again from the file, and a damaged
 * or unreadable cache is ignored and written anew.
 */
const HeadsFile = z.object({
  format: z.literal(1),
  reports: z.array(z.object({ id: Id, stamp: z.string(), report: Report, findingCount: z.number().int().nonnegative() })),
});
type HeadsFile = z.infer<typeof HeadsFile>;

export interface CachedHead extends ReportHead {
  stamp: string;
}

export function headsFile(file: string, sealing: Sealing, fs?: WriteFs): DurableJsonFile<HeadsFile> {
  return new DurableJsonFile(file, (d) => HeadsFile.parse(d), fs, sealing);
}

/** The cached heads by report id; empty when there is no cache or it cannot be used. */
export async function readHeads(file: DurableJsonFile<HeadsFile>): Promise<Map<string, CachedHead>> {
  try {
    const data = await file.read();
    return new Map((data?.reports ?? []).map(({ id, ...head }) => [id, head]));
  } catch {
    // Damaged, sealed with another key, or written by another version: rebuilt from the report files.
    return new Map();
  }
}

export async function writeHeads(file: DurableJsonFile<HeadsFile>, heads: Iterable<[string, CachedHead]>): Promise<void> {
  const reports = [...heads].map(([id, { stamp, report, findingCount }]) => ({ id, stamp, report, findingCount }));
  await file.write({ format: 1, reports });
}
