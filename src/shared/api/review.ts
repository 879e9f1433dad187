import { z } from 'zod';
import { read, write } from './define';
import { Id } from '../domain/ids';
import { Grade } from '../domain/grades';
import { DocumentKind, FindingKind } from '../domain/extraction';
import { Judgment, Report } from '../domain/report';
import { Finding } from '../domain/finding';

const Text = z.string().trim().max(20_000);
const OptionalText = Text.nullable();

/** Every metadata field the officer can correct; only the fields sent are changed. */
export const MetaChanges = z
  .object({
    title: Text.min(1),
    kind: DocumentKind,
    force: OptionalText,
    inspectorate: OptionalText,
    programme: OptionalText,
    inspectionType: OptionalText,
    period: OptionalText,
    published: OptionalText,
    webAddress: OptionalText,
    aboutReportId: Id.nullable(),
  })
  .partial();
export type MetaChanges = z.infer<typeof MetaChanges>;

export const JudgmentFields = z.object({
  pillar: OptionalText,
  question: OptionalText,
  grade: Grade.nullable(),
  lastInspected: OptionalText,
});
export type JudgmentFields = z.infer<typeof JudgmentFields>;

export const FindingChanges = z
  .object({
    text: Text.min(1),
    kind: FindingKind,
    pillar: OptionalText,
    question: OptionalText,
    carriedOver: z.boolean(),
    leadIn: OptionalText,
  })
  .partial();
export type FindingChanges = z.infer<typeof FindingChanges>;

/** A passage of the source text chosen by the officer, as character offsets. */
export const TextSelection = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((s) => s.end > s.start, 'the selection is empty');
export type TextSelection = z.infer<typeof TextSelection>;

export const NewFinding = z.object({
  kind: FindingKind,
  text: Text.min(1),
  pillar: OptionalText.default(null),
  question: OptionalText.default(null),
  carriedOver: z.boolean().default(false),
  leadIn: OptionalText.default(null),
  selection: TextSelection.nullable().default(null),
});
export type NewFinding = z.input<typeof NewFinding>;

/** What re-extraction changed and what it kept because the officer had corrected it. */
export const ReextractSummary = z.object({
  fieldsUpdated: z.array(z.string()),
  fieldsKept: z.array(z.string()),
  judgments: z.object({ added: z.number(), removed: z.number(), kept: z.number(), updated: z.number() }),
  findings: z.object({
    matched: z.number(),
    added: z.number(),
    removed: z.number(),
    keptManual: z.number(),
    keptNotFound: z.number(),
    stillRemoved: z.number(),
  }),
  /** The same, as sentences for the officer. */
  lines: z.array(z.string()),
});
export type ReextractSummary = z.infer<typeof ReextractSummary>;

export const ImportProgress = z.object({
  active: z.boolean(),
  fileName: z.string().nullable(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

const ReportRef = { id: Id };

/** A judgment or finding of the report, for calls that act on either. */
export const ItemRef = z.discriminatedUnion('type', [z.object({ type: z.literal('judgment'), id: Id }), z.object({ type: z.literal('finding'), id: Id })]);
export type ItemRef = z.infer<typeof ItemRef>;

export const reviewCalls = {
  'reports.updateMeta': write(z.object({ ...ReportRef, changes: MetaChanges }), Report, ['reports']),
  'reports.addJudgment': write(z.object({ ...ReportRef, judgment: JudgmentFields }), Report, ['reports']),
  'reports.updateJudgment': write(z.object({ ...ReportRef, judgmentId: Id, changes: JudgmentFields.partial() }), Report, ['reports']),
  'reports.removeJudgment': write(z.object({ ...ReportRef, judgmentId: Id }), Report, ['reports']),
  'reports.updateFinding': write(z.object({ ...ReportRef, findingId: Id, changes: FindingChanges }), Finding, ['reports', 'findings']),
  'reports.addFinding': write(z.object({ ...ReportRef, finding: NewFinding }), Finding, ['reports', 'findings']),
  'reports.splitFinding': write(
    z.object({ ...ReportRef, findingId: Id, at: z.number().int().positive() }),
    z.tuple([Finding, Finding]),
    ['reports', 'findings', 'links'],
  ),
  'reports.mergeFindings': write(z.object({ ...ReportRef, findingIds: z.array(Id).min(2).max(100) }), Finding, ['reports', 'findings', 'links']),
  'reports.removeFinding': write(z.object({ ...ReportRef, findingId: Id }), z.object({ removed: z.boolean() }), ['reports', 'findings', 'links']),
  'reports.reextract': write(z.object(ReportRef), ReextractSummary, ['reports', 'findings', 'links', 'annotations']),
  'reports.importProgress': read(z.object({}), ImportProgress, []),
  /** The officer has checked an item the extractor was unsure of: it is recorded, and it leaves "To check". */
  'reports.markChecked': write(z.object({ ...ReportRef, item: ItemRef }), z.union([Judgment, Finding]), ['reports', 'findings']),
};
