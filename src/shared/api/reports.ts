import { z } from 'zod';
import { call } from './define';
import { IncomingFile } from './files';
import { Id } from '../domain/ids';
import { Report, ReportText } from '../domain/report';
import { Finding } from '../domain/finding';

export const ReportSummary = Report.pick({
  id: true,
  title: true,
  kind: true,
  format: true,
  fileName: true,
  force: true,
  period: true,
  published: true,
  importedAt: true,
  aboutReportId: true,
  size: true,
}).extend({ findingCount: z.number().int().nonnegative() });
export type ReportSummary = z.infer<typeof ReportSummary>;

export const ImportOutcome = z.object({ id: Id, duplicate: z.boolean(), title: z.string() });
export type ImportOutcome = z.infer<typeof ImportOutcome>;

export const ReportDetail = z.object({ report: Report, findings: z.array(Finding) });
export type ReportDetail = z.infer<typeof ReportDetail>;

export const reportCalls = {
  'reports.list': call(z.object({}), z.array(ReportSummary), false),
  'reports.get': call(z.object({ id: Id }), ReportDetail, false),
  'reports.text': call(z.object({ id: Id }), ReportText, false),
  'reports.import': call(IncomingFile, ImportOutcome, true),
  'reports.importSamples': call(z.object({}), z.array(ImportOutcome), true),
  'reports.delete': call(z.object({ id: Id }), z.object({ deleted: z.boolean() }), true),
};
