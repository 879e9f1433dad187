import { z } from 'zod';
import { Id, IsoDate } from './ids';
import { Grade } from './grades';
import { DocumentKind, FindingKind } from './extraction';
import { Finding, FindingStatus, ProgressUpdate, Rag } from './finding';

/** One line of the findings register: the finding with what the table shows beside it. */
export const RegisterRow = z.object({
  finding: Finding,
  reportTitle: z.string(),
  reportPeriod: z.string().nullable(),
  /** The report's place in time among all reports, for sorting by report. */
  reportRank: z.number().int().nonnegative(),
  questionKey: z.string().nullable(),
  overdue: z.boolean(),
  latestProgress: ProgressUpdate.nullable(),
});
export type RegisterRow = z.infer<typeof RegisterRow>;

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item)]);

export const RegisterFilter = z.object({
  reportId: Id.optional(),
  pillar: z.string().optional(),
  /** A question in any year's wording; matched through questionKey. */
  question: z.string().optional(),
  kind: oneOrMany(FindingKind).optional(),
  status: oneOrMany(FindingStatus).optional(),
  /** null: findings nobody owns yet. A name matches whatever its case. */
  owner: z.string().nullable().optional(),
  /** null: findings not yet rated. */
  rag: oneOrMany(Rag).nullable().optional(),
  overdue: z.boolean().optional(),
  /** Every word must appear somewhere in the row's text. */
  text: z.string().optional(),
});
export type RegisterFilter = z.infer<typeof RegisterFilter>;

export const REGISTER_SORT_KEYS = [
  'report',
  'order',
  'pillar',
  'question',
  'kind',
  'text',
  'owner',
  'status',
  'rag',
  'due',
  'overdue',
  'updated',
] as const;
export const RegisterSortKey = z.enum(REGISTER_SORT_KEYS);
export type RegisterSortKey = z.infer<typeof RegisterSortKey>;

export const RegisterSort = z.object({ by: RegisterSortKey, dir: z.enum(['asc', 'desc']) });
export type RegisterSort = z.infer<typeof RegisterSort>;

/** The most rows one read of the register answers; a window asks only for the rows it shows. */
export const REGISTER_PAGE_MAX = 500;

/** One window of the filtered, sorted register. */
export const RegisterPage = z.object({
  rows: z.array(RegisterRow),
  /** Where `rows` start in the filtered, sorted register. */
  offset: z.number().int().nonnegative(),
  /** How many findings the filter keeps. */
  total: z.number().int().nonnegative(),
  /** How many findings there are, filter or not. */
  all: z.number().int().nonnegative(),
});
export type RegisterPage = z.infer<typeof RegisterPage>;

/** The reports that have findings, in time order (earliest first), for the register's report list. */
export const RegisterReports = z.array(z.object({ id: Id, title: z.string(), period: z.string().nullable() }));
export type RegisterReports = z.infer<typeof RegisterReports>;

/**
 * What the register's other filter lists offer: the pillars, questions and owners the findings have.
 * Apart from the reports, which change far less often (a tracking edit can change the owners, never the reports).
 */
export const RegisterChoices = z.object({
  pillars: z.array(z.string()),
  /** One wording per question line (its canonical label when known); any year's wording filters the same. */
  questions: z.array(z.string()),
  owners: z.array(z.string()),
});
export type RegisterChoices = z.infer<typeof RegisterChoices>;

export const GradeCellChange = z.enum(['improved', 'no-change', 'declined', 'not-comparable', 'first']);
export type GradeCellChange = z.infer<typeof GradeCellChange>;

export const GradeCell = z.object({
  reportId: Id,
  period: z.string().nullable(),
  /** False when this report did not judge this line at all. */
  present: z.boolean(),
  grade: Grade.nullable(),
  lastInspected: z.string().nullable(),
  /** The report repeats a judgment from an earlier inspection rather than making a new one. */
  carriedOver: z.boolean(),
  change: GradeCellChange,
  /** The period of the judgment the change is measured against, for wording like "(no change from 2016)". */
  comparedWith: z.string().nullable(),
});
export type GradeCell = z.infer<typeof GradeCell>;

export const GradeLine = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(['overall', 'pillar', 'question']),
  /** The pillar's key ('legitimacy' …) when known. */
  pillar: z.string().nullable(),
  /** One cell per column, in column order. */
  cells: z.array(GradeCell),
});
export type GradeLine = z.infer<typeof GradeLine>;

export const GradeColumn = z.object({
  reportId: Id,
  period: z.string().nullable(),
  title: z.string(),
  /** A board paper states the grades of a year whose report may not be in the store; the grid says so. */
  kind: DocumentKind,
});
export type GradeColumn = z.infer<typeof GradeColumn>;

export const GradeHistory = z.object({ lines: z.array(GradeLine), columns: z.array(GradeColumn) });
export type GradeHistory = z.infer<typeof GradeHistory>;

export const OverdueItem = z.object({
  findingId: Id,
  reportId: Id,
  text: z.string(),
  owner: z.string().nullable(),
  rag: Rag.nullable(),
  due: IsoDate,
  daysOverdue: z.number().int(),
});
export type OverdueItem = z.infer<typeof OverdueItem>;

/** The state of the findings at the end of a month (YYYY-MM). */
export const MonthPoint = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  open: z.number().int().nonnegative(),
  closed: z.number().int().nonnegative(),
  progressUpdates: z.number().int().nonnegative(),
});
export type MonthPoint = z.infer<typeof MonthPoint>;

const Count = z.number().int().nonnegative();

/** A finding proposed for closure, waiting for a named approver. */
export const AwaitingApproval = z.object({
  findingId: Id,
  reportId: Id,
  text: z.string(),
  owner: z.string().nullable(),
  proposedBy: z.string(),
  proposedOn: IsoDate,
  daysWaiting: z.number().int(),
});
export type AwaitingApproval = z.infer<typeof AwaitingApproval>;

/** How long an inspection's findings took to close, from the report's publication to the sign-off. */
export const TimeToClose = z.object({
  reportId: Id,
  title: z.string(),
  period: z.string().nullable(),
  findings: Count,
  closed: Count,
  medianDays: z.number().nullable(),
  meanDays: z.number().nullable(),
});
export type TimeToClose = z.infer<typeof TimeToClose>;

export const Dashboard = z.object({
  total: Count,
  open: Count,
  closed: Count,
  openByStatus: z.object({ 'Not started': Count, 'In progress': Count, 'Proposed for closure': Count }),
  openByRag: z.object({ Red: Count, Amber: Count, Green: Count, 'Not rated': Count }),
  /** Most overdue first. */
  overdue: z.array(OverdueItem),
  withoutOwner: Count,
  series: z.array(MonthPoint),
  /** The calendar quarter today falls in (the force's financial quarters share its boundaries). */
  quarter: z.object({ start: IsoDate, end: IsoDate }),
  /** Findings signed off as closed with a decision dated this quarter. */
  closedThisQuarter: Count,
  /** Longest waiting first. */
  awaitingApproval: z.array(AwaitingApproval),
  /** Per inspection, in time order. */
  timeToClose: z.array(TimeToClose),
});
export type Dashboard = z.infer<typeof Dashboard>;
export type OpenStatus = keyof Dashboard['openByStatus'];
