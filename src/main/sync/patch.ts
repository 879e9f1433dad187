import { getPath, sameValue, setPath } from './canonical';
import { build, canonicalCompare, childrenByParent, keyOf, locate, relativePath, type FlatDoc } from './flat';
import { collectionAt, knowsValue, type ObjectShape } from './schema-shape';

/**
 * Brings the team's version of a unit into the stored document `draft`, in place, as a patch: only
 * what differs between `before` (the unit as flattened when the sync began) and `after` (the merged
 * result) is touched, and a value the officer changed in the meantime is left for the next round to
 * send. Records the sync never knew about (private ones, ones added meanwhile) are kept. Returns
 * whether anything changed.
 */
export function patchUnit(
  draft: Record<string, unknown>,
  shape: ObjectShape,
  before: Map<string, FlatDoc>,
  after: Map<string, FlatDoc>,
): boolean {
  let changed = false;
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => a.split('/').length - b.split('/').length);
  const added = new Set<string>();
  const children = childrenByParent(after.values());
  const touched = new Map<string, { list: Record<string, unknown>[]; shape: ObjectShape; keyed: boolean }>();

  for (const id of ids) {
    const then = before.get(id);
    const now = after.get(id);
    if (now?.parent && added.has(now.parent)) {
      added.add(id); // built together with its parent
      continue;
    }
    if (then && now) {
      const found = locate(draft, shape, id);
      if (!found) continue;
      for (const path of new Set([...Object.keys(then.fields), ...Object.keys(now.fields)])) {
        const to = now.fields[path];
        const from = then.fields[path];
        if (to === undefined || sameValue(to, from) || !knowsValue(found.shape, path)) continue;
        if (!sameValue(getPath(found.target, path), from)) continue; // changed here meanwhile: the next round sends it
        setPath(found.target, path, structuredClone(to));
        changed = true;
      }
    } else if (now && !then) {
      if (!now.parent) continue; // a whole new unit is added by the caller, not patched in
      const parent = locate(draft, shape, now.parent);
      const path = relativePath(now);
      const collection = parent && collectionAt(parent.shape, path);
      if (!parent || !collection) continue;
      let list = getPath(parent.target, path) as Record<string, unknown>[] | undefined;
      if (!Array.isArray(list)) {
        list = [];
        setPath(parent.target, path, list);
      }
      if (list.some((el) => keyOf(el, collection.keyed) === now.key)) continue;
      list.push(build(now, collection.element, children));
      added.add(id);
      touched.set(`${now.parent}|${path}`, { list, shape: collection.element, keyed: collection.keyed });
      changed = true;
    } else if (then && !now) {
      if (!then.parent) continue; // removing a whole unit is the caller's job
      const parent = locate(draft, shape, then.parent);
      const path = relativePath(then);
      const collection = parent && collectionAt(parent.shape, path);
      const list = parent && (getPath(parent.target, path) as Record<string, unknown>[] | undefined);
      if (!collection || !Array.isArray(list)) continue;
      const at = list.findIndex((el) => keyOf(el, collection.keyed) === then.key);
      if (at >= 0) {
        list.splice(at, 1);
        changed = true;
      }
    }
  }

  // Lists that gained records are put in the order every computer uses; records only this one has keep their place.
  for (const [where, { list, keyed }] of touched) {
    const parentId = where.split('|')[0]!;
    const byKey = new Map((children.get(parentId) ?? []).map((d) => [d.key, d]));
    const keyed_ = list.map((el, index) => {
      const key = keyOf(el, keyed);
      const doc = byKey.get(key);
      return { el, sort: { pos: doc ? doc.pos : index, key, fields: doc ? doc.fields : (el as Record<string, unknown>) } };
    });
    keyed_.sort((a, b) => canonicalCompare(a.sort, b.sort));
    list.splice(0, list.length, ...keyed_.map((k) => k.el));
  }
  return changed;
}

