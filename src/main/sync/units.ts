import { Note } from '../../shared/domain/notes';
import { IndexDoc, ReportDoc } from '../store/schema';
import type { Store } from '../store/repository';
import { flatten, type FlatDoc, type RecordFilter } from './flat';
import { collectionAt, objectShape, type ObjectShape } from './schema-shape';
import { leaveOutStepValues } from './status-sync';

/**
 * The three kinds of stored document the team shares, each one a "unit" synced as a whole: a report
 * (with its findings, their tracking records and shared annotations), a shared note, and the team's
 * part of the index (team settings, board papers, links between findings).
 */
export type UnitKind = 'report' | 'note' | 'index';

export interface Sharing {
  /** Notes and annotations with any of these tags are shared even when not shared one by one. */
  sharedTags: string[];
}

const reportShape = objectShape(ReportDoc);
const noteShape = objectShape(Note);
const indexShape = objectShape(IndexDoc);

/** Parts of the index that are this computer's own: which reports it holds, its format, its encryption. */
const INDEX_LOCAL_FIELDS = ['schemaVersion', 'reportIds', 'encryptAtRest'] as const;

/** A report's status fields only mean something together (see keepTogether in merge-unit.ts). */
const REPORT_STATUS = ['report.status', 'report.statusAt', 'report.supersededBy'] as const;

export const fieldGroupsOf =
  (unitKind: UnitKind) =>
  (kind: string): readonly (readonly string[])[] =>
    unitKind === 'report' && kind === '' ? [REPORT_STATUS] : [];

export const unitIdOf = {
  report: (id: string) => `r:${id}`,
  note: (id: string) => `n:${id}`,
  index: () => 'i',
};

export function unitKindOf(unit: string): UnitKind | null {
  if (unit === 'i') return 'index';
  if (unit.startsWith('r:')) return 'report';
  if (unit.startsWith('n:')) return 'note';
  return null;
}

export const unitOfDocId = (id: string): string => id.split('/')[0]!;

export const rootShapeOf = (kind: UnitKind): ObjectShape => (kind === 'report' ? reportShape : kind === 'note' ? noteShape : indexShape);

/** The schema of a record of the given kind (`findings/tracking.progress`) in a unit, or null if this version does not know it. */
export function shapeForKind(kind: UnitKind, recordKind: string): ObjectShape | null {
  let shape: ObjectShape = rootShapeOf(kind);
  if (!recordKind) return shape;
  for (const path of recordKind.split('/')) {
    const collection = collectionAt(shape, path);
    if (!collection) return null;
    shape = collection.element;
  }
  return shape;
}

/** A record that can be shared has a `shared` field: it is private unless shared, or tagged with a shared tag. */
function isShared(record: Record<string, unknown>, sharing: Sharing): boolean {
  if (record.shared === true) return true;
  const tags = record.tags;
  return Array.isArray(tags) && tags.some((tag) => typeof tag === 'string' && sharing.sharedTags.includes(tag));
}

function privacyFilter(kind: UnitKind, sharing: Sharing): RecordFilter {
  return (recordKind, record) => {
    const shape = shapeForKind(kind, recordKind);
    return !shape || !('shared' in shape.fields) || isShared(record, sharing);
  };
}

/** Shared by tag is shared: the team's copy says so, so it stays shared on computers that share other tags. */
function markShared(docs: FlatDoc[], kind: UnitKind): FlatDoc[] {
  for (const doc of docs) {
    const shape = shapeForKind(kind, doc.kind);
    if (shape && 'shared' in shape.fields) doc.fields.shared = true;
  }
  return docs;
}

/** A unit as stored here now, flattened for the team; null when it is not here or is private. */
export function readUnit(store: Store, unit: string, sharing: Sharing): Map<string, FlatDoc> | null {
  const kind = unitKindOf(unit);
  if (!kind) return null;
  let docs: FlatDoc[] | null = null;
  if (kind === 'report') {
    const doc = store.reportDoc(unit.slice(2));
    if (doc) {
      docs = flatten(unit, doc as unknown as Record<string, unknown>, reportShape, { filter: privacyFilter(kind, sharing) });
      leaveOutStepValues(docs, (recordKind) => shapeForKind(kind, recordKind));
    }
  } else if (kind === 'note') {
    const note = store.note(unit.slice(2));
    if (note && isShared(note, sharing)) docs = flatten(unit, note as unknown as Record<string, unknown>, noteShape);
  } else {
    docs = flatten(unit, store.index as unknown as Record<string, unknown>, indexShape, { exclude: INDEX_LOCAL_FIELDS, filter: privacyFilter(kind, sharing) });
  }
  return docs ? new Map(markShared(docs, kind).map((d) => [d.id, d])) : null;
}

/** Every unit stored here that the team may see, by id. */
export function localUnits(store: Store, sharing: Sharing): string[] {
  return [
    unitIdOf.index(),
    ...store.index.reportIds.map(unitIdOf.report),
    ...store.allNotes().filter((n) => isShared(n, sharing)).map((n) => unitIdOf.note(n.id)),
  ];
}
