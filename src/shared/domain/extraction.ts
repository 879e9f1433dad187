import { z } from 'zod';
import { Grade } from './grades';
import { SourceAnchor } from './anchor';
import { IsoDate } from './ids';

export const DOCUMENT_KINDS = ['inspection-report', 'press-release', 'transcript', 'board-paper', 'other'] as const;
export const DocumentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const FINDING_KINDS = ['area-for-improvement', 'cause-of-concern', 'recommendation'] as const;
export const FindingKind = z.enum(FINDING_KINDS);
export type FindingKind = z.infer<typeof FindingKind>;

export const SOURCE_FORMATS = ['text', 'markdown', 'html', 'pdf', 'docx'] as const;
export const SourceFormat = z.enum(SOURCE_FORMATS);
export type SourceFormat = z.infer<typeof SourceFormat>;

/** How the extractor found an item: the shape of the passage it read. `manual`: added by the officer. */
export const FOUND_BY = ['heading', 'table', 'list', 'sentence', 'manual'] as const;
export const FoundBy = z.enum(FOUND_BY);
export type FoundBy = z.infer<typeof FoundBy>;

/**
 * How sure the extractor is of an item, 0–1; below CHECK_BELOW the review screen lists it as one to
 * check. Absent on items stored before confidence was recorded.
 */
export const Confidence = z.number().min(0).max(1);
export const CHECK_BELOW = 0.8;

/** A graded judgment. question null = the pillar's overall grade; pillar null too = the report's overall grade. */
export const ExtractedJudgment = z.object({
  pillar: z.string().nullable(),
  question: z.string().nullable(),
  grade: Grade.nullable(),
  lastInspected: z.string().nullable(),
  anchor: SourceAnchor.nullable(),
  foundBy: FoundBy.optional(),
  confidence: Confidence.optional(),
});
export type ExtractedJudgment = z.infer<typeof ExtractedJudgment>;

export const ExtractedFinding = z.object({
  kind: FindingKind,
  text: z.string(),
  /** A recommendation's lead-in ("… should:"), kept beside each of its bullets. */
  leadIn: z.string().nullable(),
  pillar: z.string().nullable(),
  question: z.string().nullable(),
  /** The report says the finding remains from an earlier inspection. */
  carriedOver: z.boolean(),
  anchor: SourceAnchor.nullable(),
  /** Whom a recommendation is addressed to, as the report names them ("chief constables", "forces", "the Home Office"). */
  addressee: z.string().nullable().optional(),
  /** The deadline the report sets ("By 31 March 2025" → 2025-03-31). */
  due: IsoDate.nullable().optional(),
  foundBy: FoundBy.optional(),
  confidence: Confidence.optional(),
});
export type ExtractedFinding = z.infer<typeof ExtractedFinding>;

export const ExtractedQuote = z.object({
  speaker: z.string().nullable(),
  text: z.string(),
  anchor: SourceAnchor.nullable(),
});
export type ExtractedQuote = z.infer<typeof ExtractedQuote>;

/** A board paper's statement of change for a question ("(no change from 2016)"). */
export const StatedChange = z.object({
  question: z.string(),
  grade: Grade.nullable(),
  change: z.enum(['improved', 'no-change', 'declined']),
  sinceYear: z.string().nullable(),
  anchor: SourceAnchor.nullable(),
});
export type StatedChange = z.infer<typeof StatedChange>;

export const Extraction = z.object({
  kind: DocumentKind,
  force: z.string().nullable(),
  inspectorate: z.string().nullable(),
  title: z.string().nullable(),
  /** e.g. "PEEL", and the type, e.g. "Legitimacy" or "Integrated". */
  programme: z.string().nullable(),
  inspectionType: z.string().nullable(),
  /** e.g. "2016" or "2018/19". */
  period: z.string().nullable(),
  published: z.string().nullable(),
  judgments: z.array(ExtractedJudgment),
  findings: z.array(ExtractedFinding),
  quotes: z.array(ExtractedQuote),
  statedChanges: z.array(StatedChange),
});
export type Extraction = z.infer<typeof Extraction>;
