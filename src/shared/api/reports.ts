import { z } from 'zod';
import { read, write } from './define';
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

export const ImportOutcome = z.object({
  id: Id,
  duplicate: z.boolean(),
  title: z.string(),
  /** What extraction found, for the officer: "11 findings and 13 grades found; 2 to check", or "No judgments found — add them by hand". */
  summary: z.string().optional(),
});
export type ImportOutcome = z.infer<typeof ImportOutcome>;

export const ReportDetail = z.object({ report: Report, findings: z.array(Finding) });
export type ReportDetail = z.infer<typeof ReportDetail>;

/** The file exactly as imported, for showing it as published (the PDF page view). */
export const ReportSource = z.object({ fileName: z.string(), format: Report.shape.format, dataBase64: z.string() });
export type ReportSource = z.infer<typeof ReportSource>;

export const reportCalls = {
  'reports.list': read(z.object({}), z.array(ReportSummary), ['reports']),
  'reports.get': read(z.object({ id: Id }), ReportDetail, ['reports', 'findings']),
  'reports.text': read(z.object({ id: Id }), ReportText, ['reports']),
  'reports.source': read(z.object({ id: Id }), ReportSource, ['reports']),
  'reports.import': write(IncomingFile, ImportOutcome, ['reports', 'findings']),
  'reports.importSamples': write(z.object({}), z.array(ImportOutcome), ['reports', 'findings']),
  'reports.delete': write(z.object({ id: Id }), z.object({ deleted: z.boolean() }), ['reports', 'findings', 'links', 'papers', 'annotations']),
};
