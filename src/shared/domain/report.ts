import { z } from 'zod';
import { Id, IsoDateTime } from './ids';
import { PageRange } from './anchor';
import {
  DocumentKind,
  ExtractedFinding,
  ExtractedJudgment,
  ExtractedQuote,
  SourceFormat,
  StatedChange,
} from './extraction';

export const Judgment = ExtractedJudgment.extend({ id: Id });
export type Judgment = z.infer<typeof Judgment>;

export const Quote = ExtractedQuote.extend({ id: Id });
export type Quote = z.infer<typeof Quote>;

/** A record that a person changed an extracted field, so re-extraction can keep it. */
export const Correction = z.object({
  at: IsoDateTime,
  target: z.string(),
  field: z.string(),
  from: z.unknown(),
  to: z.unknown(),
});
export type Correction = z.infer<typeof Correction>;

/** Report metadata as extracted, every field correctable. */
export const ReportMeta = z.object({
  kind: DocumentKind,
  title: z.string(),
  force: z.string().nullable(),
  inspectorate: z.string().nullable(),
  programme: z.string().nullable(),
  inspectionType: z.string().nullable(),
  period: z.string().nullable(),
  published: z.string().nullable(),
  /** Where the officer found it on the web, for the board paper's bibliography. */
  webAddress: z.string().nullable(),
});
export type ReportMeta = z.infer<typeof ReportMeta>;

/** Where a report stands: archived and superseded reports are hidden from lists, the register and the dashboard, never lost. */
export const REPORT_STATUSES = ['active', 'archived', 'superseded'] as const;
export const ReportStatus = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatus>;

/**
 * Another file of the same report (the PDF beside the web page, or the file a replacement took over from):
 * kept byte for byte with its text, while the report keeps one set of findings read from its main file.
 */
export const ReportVersion = z.object({
  fileName: z.string(),
  format: SourceFormat,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  importedAt: IsoDateTime,
  fingerprint: z.string().optional(),
  /** When this file stopped being the report's main file (a replacement); absent for a file kept beside it. */
  replacedAt: IsoDateTime.optional(),
});
export type ReportVersion = z.infer<typeof ReportVersion>;

/** An imported document: the file as received (content-addressed by sha256) and what was extracted. */
export const Report = ReportMeta.extend({
  id: Id,
  fileName: z.string(),
  format: SourceFormat,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  importedAt: IsoDateTime,
  /** The report this supporting document is about (press release, transcript, board paper). */
  aboutReportId: Id.nullable(),
  judgments: z.array(Judgment),
  quotes: z.array(Quote),
  statedChanges: z.array(StatedChange),
  corrections: z.array(Correction),
  /** A signature of the text's word sequences (services/report-identity.ts), to know the same report in another format. */
  fingerprint: z.string().optional(),
  /** The report's other files; absent means none. */
  versions: z.array(ReportVersion).optional(),
  /** Absent means active. */
  status: ReportStatus.optional(),
  /** When the status last changed. */
  statusAt: IsoDateTime.optional(),
  /** The report that takes the place of a superseded one. */
  supersededBy: Id.nullable().optional(),
});
export type Report = z.infer<typeof Report>;

/** The text extracted from a source file, with PDF page ranges; kept apart because it is large. */
export const ReportText = z.object({
  sha256: z.string(),
  text: z.string(),
  pages: z.array(PageRange),
});
export type ReportText = z.infer<typeof ReportText>;

export { ExtractedFinding };
