import { z } from 'zod';
import { read, write } from './define';
import { Id, IsoDate } from '../domain/ids';
import { DocumentKind, FindingKind } from '../domain/extraction';
import { Finding, FindingLink, FindingStatus, Rag } from '../domain/finding';
import { Dashboard, GradeHistory, REGISTER_PAGE_MAX, RegisterChoices, RegisterFilter, RegisterPage, RegisterReports, RegisterSort } from '../domain/views';

/** A finding as another finding's link shows it: enough to recognise it and open it. */
export const LinkedFinding = z.object({
  id: Id,
  reportId: Id,
  reportTitle: z.string(),
  reportPeriod: z.string().nullable(),
  reportKind: DocumentKind,
  kind: FindingKind,
  text: z.string(),
  status: FindingStatus,
});
export type LinkedFinding = z.infer<typeof LinkedFinding>;

/** A link with both of its findings. */
export const LinkView = z.object({ link: FindingLink, earlier: LinkedFinding, later: LinkedFinding });
export type LinkView = z.infer<typeof LinkView>;

export const FindingDetail = z.object({
  finding: Finding,
  report: LinkedFinding.pick({ reportId: true, reportTitle: true, reportPeriod: true, reportKind: true }),
  /** Its stable reference, e.g. "2018/19-AFI-04". */
  reference: z.string(),
  /** The later finding that superseded it. */
  supersededBy: LinkedFinding.extend({ reference: z.string() }).nullable(),
  /** The finding's life across inspections through confirmed links, earliest first, itself included. */
  chain: z.array(LinkedFinding),
  /** Links touching this finding that are confirmed or wait for the officer; rejected ones are left out. */
  links: z.array(LinkView),
});
export type FindingDetail = z.infer<typeof FindingDetail>;

/** The tracking fields the officer edits; only the fields sent change. */
export const TrackingChanges = z.object({
  owner: z.string().trim().max(200).nullable().optional(),
  status: FindingStatus.optional(),
  rag: Rag.nullable().optional(),
  due: IsoDate.nullable().optional(),
  evidence: z.array(z.string().trim().max(2_000)).max(500).optional(),
});
export type TrackingChanges = z.infer<typeof TrackingChanges>;

/** Which rows of the register to send: the filter and order, and the window of them the table shows. */
export const RegisterQuery = z.object({
  filter: RegisterFilter.optional(),
  sort: RegisterSort.optional(),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(REGISTER_PAGE_MAX).default(100),
});
export type RegisterQuery = z.input<typeof RegisterQuery>;

export const findingCalls = {
  /** One window of the filtered, sorted register, with how many rows the filter keeps and how many there are. */
  'findings.register': read(RegisterQuery, RegisterPage, ['reports', 'findings']),
  'findings.registerReports': read(z.object({}), RegisterReports, ['reports', 'findings']),
  'findings.registerChoices': read(z.object({}), RegisterChoices, ['reports', 'findings']),
  /** Findings of other reports whose words (or report period) contain every word typed, for linking by hand; in time order. */
  'findings.linkCandidates': read(
    z.object({ id: Id, q: z.string().max(500), limit: z.number().int().min(1).max(100).default(40) }),
    z.array(LinkedFinding),
    ['reports', 'findings'],
  ),
  'findings.get': read(z.object({ id: Id }), FindingDetail, ['reports', 'findings', 'links', 'settings']),
  'findings.update': write(TrackingChanges.extend({ id: Id }), Finding, ['findings']),
  /** `on`: the date the update is about (a meeting's), today when left out. */
  'findings.addProgress': write(z.object({ id: Id, text: z.string().trim().min(1).max(20_000), on: IsoDate.optional() }), Finding, ['findings']),
  'findings.dashboard': read(z.object({}), Dashboard, ['reports', 'findings']),
  'links.suggest': write(z.object({}), z.array(LinkView), ['links']),
  'links.decide': write(z.object({ id: Id, decision: z.enum(['confirmed', 'rejected']) }), LinkView, ['links']),
  'links.create': write(z.object({ earlierId: Id, laterId: Id }), LinkView, ['links']),
  'grades.history': read(z.object({}), GradeHistory, ['reports']),
};
