import { contract, type CallName } from '../../shared/api/contract';
import type { FindingDetail, LinkedFinding, RegisterQuery } from '../../shared/api/findings';
import type { AnnotationFilter, AnnotationListItem } from '../../shared/api/annotations';
import type { NoteFilter } from '../../shared/api/notes';
import type { ReportDetail } from '../../shared/api/reports';
import type { Finding, ProgressUpdate } from '../../shared/domain/finding';
import type { Annotation, Note } from '../../shared/domain/notes';
import { isOverdue } from '../../shared/domain/register';
import type { RegisterPage, RegisterSortKey } from '../../shared/domain/views';

/**
 * Which answers a window holds go stale after a write, worked out from the contract's topics and the
 * write's own answer. Plain functions, so the rules are tested without React and the benchmark uses
 * the very same ones.
 */

/** A successful write: its call, what it was sent and what it answered. */
export type Write = { name: CallName; input: unknown; output: unknown };

/** A read whose answer a window holds. */
export type HeldRead = { name: CallName; input: unknown; data: unknown };

/**
 * What one write does to one held read: nothing (null), or its answer patched in place from the write's
 * answer (`data`), and/or a fresh read from main (`refetch`).
 */
export type Effect = { data?: unknown; refetch: boolean } | null;

/** Does the read's answer depend on something the write changed? */
export function topicsMeet(read: CallName, write: CallName): boolean {
  const changed = contract[write].topics;
  return contract[read].topics.some((topic) => changed.includes(topic));
}

/** The fields of an edit that were sent, i.e. the ones that may have changed. */
const sentFields = (input: unknown): string[] =>
  Object.entries((input ?? {}) as Record<string, unknown>)
    .filter(([key, value]) => key !== 'id' && value !== undefined)
    .map(([key]) => key);

// ---- the register and a finding -------------------------------------------------------------------

/** For each tracking field, the register filters and sort keys whose result it can change. */
const REGISTER_DEPENDS: Record<string, { filters: string[]; sorts: RegisterSortKey[] }> = {
  owner: { filters: ['owner', 'text'], sorts: ['owner'] },
  status: { filters: ['status', 'overdue'], sorts: ['status', 'overdue'] },
  rag: { filters: ['rag'], sorts: ['rag'] },
  due: { filters: ['overdue'], sorts: ['due', 'overdue'] },
  evidence: { filters: ['text'], sorts: [] },
  progress: { filters: ['text'], sorts: ['updated'] },
};

/** The tracking fields a tracking write changed. */
function trackingFields(write: Write): string[] {
  return write.name === 'findings.addProgress' ? ['progress'] : sentFields(write.input);
}

/** Could changing these fields move a row into, out of, or within this window of the register? */
export function registerMoves(query: RegisterQuery, fields: readonly string[]): boolean {
  const filter = (query.filter ?? {}) as Record<string, unknown>;
  const by = query.sort?.by ?? 'report';
  return fields.some((field) => {
    const depends = REGISTER_DEPENDS[field];
    if (!depends) return true;
    return depends.sorts.includes(by) || depends.filters.some((key) => filter[key] !== undefined);
  });
}

const latestProgress = (progress: readonly ProgressUpdate[]) =>
  progress.reduce<ProgressUpdate | null>((latest, p) => (!latest || p.at >= latest.at ? p : latest), null);

function patchRegisterPage(page: RegisterPage, finding: Finding, today: string): RegisterPage | undefined {
  if (!page.rows.some((row) => row.finding.id === finding.id)) return undefined;
  return {
    ...page,
    rows: page.rows.map((row) =>
      row.finding.id === finding.id
        ? { ...row, finding, overdue: isOverdue(finding.tracking, today), latestProgress: latestProgress(finding.tracking.progress) }
        : row,
    ),
  };
}

const withStatus = (linked: LinkedFinding, finding: Finding): LinkedFinding =>
  linked.id === finding.id ? { ...linked, status: finding.tracking.status } : linked;

function patchFindingDetail(detail: FindingDetail, finding: Finding): FindingDetail | undefined {
  const touches = detail.finding.id === finding.id || detail.chain.some((f) => f.id === finding.id);
  const inLinks = detail.links.some((l) => l.earlier.id === finding.id || l.later.id === finding.id);
  if (!touches && !inLinks) return undefined;
  return {
    ...detail,
    finding: detail.finding.id === finding.id ? finding : detail.finding,
    chain: detail.chain.map((f) => withStatus(f, finding)),
    links: detail.links.map((l) => ({ ...l, earlier: withStatus(l.earlier, finding), later: withStatus(l.later, finding) })),
  };
}

/** A tracking edit answers with the finding: the register row, its panel and its report are patched, not read again. */
function trackingEffect(write: Write, read: HeldRead, today: string): Effect | undefined {
  const finding = write.output as Finding;
  switch (read.name) {
    case 'findings.register': {
      const data = read.data ? patchRegisterPage(read.data as RegisterPage, finding, today) : undefined;
      const refetch = registerMoves(read.input as RegisterQuery, trackingFields(write));
      return data || refetch ? { data, refetch } : null;
    }
    case 'findings.registerChoices':
      // Of its lists, only the owners follow tracking.
      return trackingFields(write).includes('owner') ? { refetch: true } : null;
    case 'findings.registerReports':
      // Tracking never adds, removes or renames a report.
      return null;
    case 'findings.get': {
      const data = read.data ? patchFindingDetail(read.data as FindingDetail, finding) : undefined;
      return data ? { data, refetch: false } : null;
    }
    case 'reports.get': {
      const detail = read.data as ReportDetail | undefined;
      if (!detail?.findings.some((f) => f.id === finding.id)) return null;
      return { data: { ...detail, findings: detail.findings.map((f) => (f.id === finding.id ? finding : f)) }, refetch: false };
    }
    default:
      return undefined;
  }
}

// ---- notes and annotations ------------------------------------------------------------------------

const NOTE_DEPENDS: Record<string, string[]> = {
  text: ['text'],
  tags: ['tag', 'text'],
  question: ['text'],
  reportId: ['reportId'],
  findingId: ['findingId'],
};

const ANNOTATION_DEPENDS: Record<string, string[]> = {
  note: ['text'],
  tags: ['tag', 'text'],
  colour: ['colour'],
};

/** A list whose filter the edit cannot affect gets the edited item patched in; otherwise it is read again. */
function listEffect<T extends { id: string }>(
  items: readonly T[] | undefined,
  item: T,
  filter: Record<string, unknown>,
  fields: readonly string[],
  depends: Record<string, string[]>,
  merge: (held: T, item: T) => T,
): Effect {
  const data = items?.some((held) => held.id === item.id) ? items.map((held) => (held.id === item.id ? merge(held, item) : held)) : undefined;
  const refetch = fields.some((field) => (depends[field] ?? Object.keys(filter)).some((key) => filter[key] !== undefined));
  return data || refetch ? { data, refetch } : null;
}

function noteEffect(write: Write, read: HeldRead): Effect | undefined {
  const fields = sentFields(write.input);
  if (read.name === 'notes.list') {
    return listEffect(read.data as Note[] | undefined, write.output as Note, read.input as NoteFilter, fields, NOTE_DEPENDS, (_held, note) => note);
  }
  if (read.name === 'notes.tags') return fields.includes('tags') ? { refetch: true } : null;
  return undefined;
}

function annotationEffect(write: Write, read: HeldRead): Effect | undefined {
  if (read.name !== 'annotations.list') return undefined;
  const items = read.data as AnnotationListItem[] | undefined;
  const annotation = write.output as Annotation;
  return listEffect(items, { ...annotation, reportTitle: '' }, read.input as AnnotationFilter, sentFields(write.input), ANNOTATION_DEPENDS, (held, a) => ({
    ...a,
    reportTitle: held.reportTitle,
  }));
}

// ---- the rule -------------------------------------------------------------------------------------

/**
 * What `write` does to `read`: a read whose topics the write did not touch is left alone; a write that
 * answers with the changed item patches the lists and views holding it (and reads them again only when
 * the change could move the item into or out of them); anything else it touched is read again.
 */
export function effectOf(write: Write, read: HeldRead, today: string): Effect {
  if (!topicsMeet(read.name, write.name)) return null;
  let special: Effect | undefined;
  if (write.name === 'findings.update' || write.name === 'findings.addProgress') special = trackingEffect(write, read, today);
  else if (write.name === 'notes.update') special = noteEffect(write, read);
  else if (write.name === 'annotations.update') special = annotationEffect(write, read);
  return special === undefined ? { refetch: true } : special;
}
