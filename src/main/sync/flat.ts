import { contentKey, getPath, setPath } from './canonical';
import { collectionAt, type ObjectShape } from './schema-shape';

/**
 * One CouchDB document's worth of a stored document: the values of one entity or record, by dotted
 * path, and where it sits. Ids spell the way down from the stored document: `r:<report>` is a report,
 * `r:<report>/findings:<finding>` one of its findings, `…/findings:<f>/tracking.progress:<update>` a
 * progress update of that finding.
 */
export interface FlatDoc {
  id: string;
  unit: string;
  /** The chain of collections from the unit's root: '' for the root, `findings/tracking.progress` for a progress update. */
  kind: string;
  parent: string | null;
  key: string | null;
  /** Where the record stood in its list when it was first synced; keeps lists in the same order everywhere. */
  pos: number;
  fields: Record<string, unknown>;
}

/** Leaves out records that must not be shared (private notes and annotations); true keeps the record. */
export type RecordFilter = (kind: string, record: Record<string, unknown>) => boolean;

export interface FlattenOptions {
  /** Top-level fields of the root that are not synced (the index's report list, its format version). */
  exclude?: readonly string[];
  filter?: RecordFilter;
}

export function keyOf(element: Record<string, unknown>, keyed: boolean): string {
  return keyed && typeof element.id === 'string' ? element.id : contentKey(element);
}

/** Splits a document id into the unit and the (collection, key) steps down to it. */
export function trailOf(id: string): { unit: string; steps: { path: string; key: string }[] } {
  const [unit, ...rest] = id.split('/');
  return {
    unit: unit!,
    steps: rest.map((step) => {
      const at = step.indexOf(':');
      return { path: step.slice(0, at), key: step.slice(at + 1) };
    }),
  };
}

/** The stored document `value` as flat documents, the root first. */
export function flatten(unit: string, value: Record<string, unknown>, shape: ObjectShape, options: FlattenOptions = {}): FlatDoc[] {
  const root: FlatDoc = { id: unit, unit, kind: '', parent: null, key: null, pos: 0, fields: {} };
  const out: FlatDoc[] = [root];
  const exclude = new Set(options.exclude ?? []);
  walk(value, shape, root, '', out, options.filter, exclude);
  return out;
}

function walk(
  value: Record<string, unknown>,
  shape: ObjectShape,
  doc: FlatDoc,
  prefix: string,
  out: FlatDoc[],
  filter: RecordFilter | undefined,
  exclude: Set<string>,
): void {
  for (const [name, field] of Object.entries(shape.fields)) {
    if (shape.personal.has(name) || (!prefix && doc.kind === '' && exclude.has(name))) continue;
    const v = value[name];
    const path = prefix ? `${prefix}.${name}` : name;
    if (field.kind === 'object') {
      if (v && typeof v === 'object' && !Array.isArray(v)) walk(v as Record<string, unknown>, field, doc, path, out, filter, new Set());
    } else if (field.kind === 'collection') {
      const kind = doc.kind ? `${doc.kind}/${path}` : path;
      const seen = new Set<string>();
      (Array.isArray(v) ? v : []).forEach((element: Record<string, unknown>, pos) => {
        const key = keyOf(element, field.keyed);
        if (seen.has(key) || (filter && !filter(kind, element))) return;
        seen.add(key);
        const child: FlatDoc = { id: `${doc.id}/${path}:${key}`, unit: doc.unit, kind, parent: doc.id, key, pos, fields: {} };
        out.push(child);
        walk(element, field.element, child, '', out, filter, new Set());
      });
    } else if (v !== undefined) {
      doc.fields[path] = v;
    }
  }
}

/** The collection path of a child of `parent`, relative to the parent (`tracking.progress`). */
export const relativePath = (doc: FlatDoc): string => doc.kind.split('/').pop()!;

/**
 * Orders a list the same way on every computer: by the record's own `order` if it has one, then by
 * where it was first put, then by its time (a progress update entered late sorts among its peers), then by key.
 */
export function canonicalCompare(a: { pos: number; key: string | null; fields: Record<string, unknown> }, b: typeof a): number {
  const order = (d: typeof a) => (typeof d.fields.order === 'number' ? d.fields.order : null);
  const oa = order(a);
  const ob = order(b);
  if (oa !== null && ob !== null && oa !== ob) return oa - ob;
  if (a.pos !== b.pos) return a.pos - b.pos;
  const at = (d: typeof a) => (typeof d.fields.at === 'string' ? d.fields.at : '');
  if (at(a) !== at(b)) return at(a) < at(b) ? -1 : 1;
  return (a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0;
}

export function childrenByParent(docs: Iterable<FlatDoc>): Map<string, FlatDoc[]> {
  const map = new Map<string, FlatDoc[]>();
  for (const doc of docs) {
    if (!doc.parent) continue;
    const list = map.get(doc.parent) ?? [];
    list.push(doc);
    map.set(doc.parent, list);
  }
  return map;
}

/** Builds the value of one flat document and everything under it (the inverse of flatten). */
export function build(doc: FlatDoc, shape: ObjectShape, children: Map<string, FlatDoc[]>): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const [path, v] of Object.entries(doc.fields)) setPath(value, path, structuredClone(v));
  const mine = children.get(doc.id) ?? [];
  const byPath = new Map<string, FlatDoc[]>();
  for (const child of mine) {
    const path = relativePath(child);
    byPath.set(path, [...(byPath.get(path) ?? []), child]);
  }
  for (const [path, list] of byPath) {
    const collection = collectionAt(shape, path);
    if (!collection) continue; // a list a newer version of the app keeps; this one cannot hold it
    setPath(
      value,
      path,
      [...list].sort(canonicalCompare).map((child) => build(child, collection.element, children)),
    );
  }
  fillEmptyLists(value, shape);
  return value;
}

/** A list with no records has no documents; it is still a list. */
function fillEmptyLists(value: Record<string, unknown>, shape: ObjectShape): void {
  for (const [name, field] of Object.entries(shape.fields)) {
    if (field.kind === 'collection' && !field.optional && value[name] === undefined) value[name] = [];
    else if (field.kind === 'object' && value[name] && typeof value[name] === 'object') fillEmptyLists(value[name] as Record<string, unknown>, field);
  }
}

/** Finds the object a flat document stands for inside a stored document, following its id down. */
export function locate(root: Record<string, unknown>, shape: ObjectShape, id: string): { target: Record<string, unknown>; shape: ObjectShape } | null {
  let target = root;
  let current = shape;
  for (const { path, key } of trailOf(id).steps) {
    const collection = collectionAt(current, path);
    const list = getPath(target, path);
    if (!collection || !Array.isArray(list)) return null;
    const found = (list as Record<string, unknown>[]).find((el) => keyOf(el, collection.keyed) === key);
    if (!found) return null;
    target = found;
    current = collection.element;
  }
  return { target, shape: current };
}
