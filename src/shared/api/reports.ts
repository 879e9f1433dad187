import { z } from 'zod';
import { read, write } from './define';
import { IncomingFile } from './files';
import { Id, IsoDateTime } from '../domain/ids';
import { Report, ReportText } from '../domain/report';
import { Finding, FindingLink } from '../domain/finding';
import { Annotation, Note } from '../domain/notes';
import { BoardPaper } from '../domain/paper';
import { ReextractSummary } from './review';

export const ReportSummary = Report.pick({
  id: true,
  title: true,
  kind: true,
  format: true,
  fileName: true,
  force: true,
  programme: true,
  inspectionType: true,
  period: true,
  published: true,
  importedAt: true,
  aboutReportId: true,
  size: true,
  status: true,
  supersededBy: true,
}).extend({
  findingCount: z.number().int().nonnegative(),
  /** How many other files of the same report are kept beside its main file. */
  versionCount: z.number().int().nonnegative(),
});
export type ReportSummary = z.infer<typeof ReportSummary>;

/**
 * What to do with a file that is another file of a report already held (the PDF of a report imported as
 * text): `ask` stores nothing and says which report it matches; `replace` makes it the report's file,
 * carrying tracking, annotations and corrections over; `add-version` keeps it beside the report's file as
 * another version (one set of findings); `new` imports it as a report of its own.
 */
export const SameReportChoice = z.enum(['ask', 'replace', 'add-version', 'new']);
export type SameReportChoice = z.infer<typeof SameReportChoice>;

export const ImportRequest = IncomingFile.extend({ onSameReport: SameReportChoice.optional() });
export type ImportRequest = z.input<typeof ImportRequest>;

/** The report a new file turned out to be another file of. */
export const SameReport = z.object({
  id: Id,
  title: z.string(),
  fileName: z.string(),
  format: Report.shape.format,
  force: z.string().nullable(),
  period: z.string().nullable(),
  importedAt: IsoDateTime,
  findingCount: z.number().int().nonnegative(),
  annotationCount: z.number().int().nonnegative(),
});
export type SameReport = z.infer<typeof SameReport>;

export const ImportAction = z.enum(['imported', 'duplicate', 'same-report', 'replaced', 'version-added']);
export type ImportAction = z.infer<typeof ImportAction>;

export const ImportOutcome = z.object({
  id: Id,
  duplicate: z.boolean(),
  title: z.string(),
  /** What extraction found, for the officer: "11 findings and 13 grades found; 2 to check", or "No judgments found — add them by hand". */
  summary: z.string().optional(),
  /**
   * imported: a new report; duplicate: this very file was already held (id is its report); same-report:
   * another file of the report `id`, nothing stored; replaced / version-added: stored as that report's file
   * or as another version of it.
   */
  action: ImportAction,
  sameReport: SameReport.optional(),
});
export type ImportOutcome = z.infer<typeof ImportOutcome>;

export const ReportDetail = z.object({ report: Report, findings: z.array(Finding) });
export type ReportDetail = z.infer<typeof ReportDetail>;

/** The file exactly as imported, for showing it as published (the PDF page view). */
export const ReportSource = z.object({ fileName: z.string(), format: Report.shape.format, dataBase64: z.string() });
export type ReportSource = z.infer<typeof ReportSource>;
/** What goes with a report if it is deleted, told to the officer first. */
export const ReportImpact = z.object({
  findings: z.number().int().nonnegative(),
  /** Findings with an owner, a status other than Not started, a RAG, a target date, progress, evidence or history. */
  trackedFindings: z.number().int().nonnegative(),
  progressUpdates: z.number().int().nonnegative(),
  annotations: z.number().int().nonnegative(),
  /** Notes linked to the report or one of its findings: kept, without the link. */
  linkedNotes: z.number().int().nonnegative(),
  papers: z.number().int().nonnegative(),
  /** Links from its findings to findings of other inspections. */
  links: z.number().int().nonnegative(),
  /** Its files: the main one and any other versions. */
  files: z.number().int().positive(),
  /** Supporting documents (press releases, board papers) that say they are about it; kept, unlinked. */
  supportingDocuments: z.number().int().nonnegative(),
});
export type ReportImpact = z.infer<typeof ReportImpact>;

/** Everything a deletion took away, handed back so an Undo can put it all back. */
export const DeletedReport = z.object({
  doc: z.object({ report: Report, findings: z.array(Finding), annotations: z.array(Annotation) }),
  papers: z.array(BoardPaper),
  links: z.array(FindingLink),
  /** The linked notes as they were, links included. */
  notes: z.array(Note),
  /** Supporting documents that were about it. */
  supportingIds: z.array(Id),
});
export type DeletedReport = z.infer<typeof DeletedReport>;

export const StatusChange = z.discriminatedUnion('status', [
  z.object({ id: Id, status: z.literal('active') }),
  z.object({ id: Id, status: z.literal('archived') }),
  /** `by`: the report that takes its place. */
  z.object({ id: Id, status: z.literal('superseded'), by: Id }),
]);
export type StatusChange = z.infer<typeof StatusChange>;

const FileRef = z.object({ id: Id, sha256: z.string().regex(/^[0-9a-f]{64}$/) });

const EVERYTHING_OF_A_REPORT = ['reports', 'findings', 'links', 'papers', 'annotations', 'notes'] as const;

export const reportCalls = {
  /** Active reports only unless `all` is set (archived and superseded ones are hidden, not lost). */
  'reports.list': read(z.object({ all: z.boolean().optional() }), z.array(ReportSummary), ['reports']),
  'reports.get': read(z.object({ id: Id }), ReportDetail, ['reports', 'findings']),
  'reports.text': read(z.object({ id: Id }), ReportText, ['reports']),
  'reports.source': read(z.object({ id: Id }), ReportSource, ['reports']),
  'reports.import': write(ImportRequest, ImportOutcome, ['reports', 'findings', 'annotations']),
  'reports.importSamples': write(z.object({}), z.array(ImportOutcome), ['reports', 'findings']),
  'reports.impact': read(z.object({ id: Id }), ReportImpact, [...EVERYTHING_OF_A_REPORT]),
  'reports.setStatus': write(StatusChange, ReportSummary, ['reports', 'findings']),
  'reports.delete': write(z.object({ id: Id }), z.object({ deleted: z.boolean(), undo: DeletedReport.nullable().optional() }), [...EVERYTHING_OF_A_REPORT]),
  'reports.restoreDeleted': write(z.object({ deleted: DeletedReport }), ReportSummary, [...EVERYTHING_OF_A_REPORT]),
  /** Makes another version of the report its main file, as a replacing import would. */
  'reports.useVersion': write(FileRef, ReextractSummary, ['reports', 'findings', 'annotations']),
  'reports.removeVersion': write(FileRef, ReportSummary, ['reports']),
};
