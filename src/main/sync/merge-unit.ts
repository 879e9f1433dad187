import { contentKey, sameValue } from './canonical';
import type { FlatDoc } from './flat';
import { collectionAt, type ObjectShape } from './schema-shape';
import { compareClocks, joinClocks, laterFirst, resolveStamps, type Stamp } from './stamps';
import { FLAG_PATH, HISTORY_PATH, MAPPING_VERSION, type ShadowDoc, type TeamDoc } from './team-doc';
import { stepsSetAside } from './status-sync';
import type { FieldConflict } from './field-conflict';

export interface Me {
  /** This data folder's id in version vectors. */
  client: string;
  /** The officer's name, recorded against changes. */
  name: string;
}

export type { FieldConflict };

export interface UnitState {
  unit: string;
  /** The unit as stored here now, flattened; null when it is not here (or not shared). */
  local: Map<string, FlatDoc> | null;
  shadow: Map<string, ShadowDoc>;
  /** Each document's live revisions in the local PouchDB, the winning one first. */
  team: Map<string, TeamDoc[]>;
  /** The schema of a record of the given kind ('' is the root). */
  shapeOf: (kind: string) => ObjectShape | null;
  me: Me;
  now: string;
  /** Team documents not to take in this time (a file that did not arrive or failed its checks), nor what is under them: they stay with the team and are tried again. */
  heldBack?: ReadonlySet<string>;
  /** Fields of a kind of document that only mean something together (a report's status and what superseded it). */
  groupsOf?: (kind: string) => readonly (readonly string[])[];
}

export interface UnitMerge {
  /** The unit as it should now be everywhere, flattened (values only). */
  merged: Map<string, FlatDoc>;
  /** The same with its stamps and revisions: the next shadow. Revisions are filled in after the write. */
  stamped: Map<string, TeamDoc>;
  /** Documents to write to the local PouchDB (new revisions, and deletions of conflicting ones). */
  writes: TeamDoc[];
  conflicts: FieldConflict[];
  /** Conflicts on documents that have no history of their own, to keep as a team-wide record. */
  unsunk: FieldConflict[];
}

const docOf = (flat: FlatDoc, f: Record<string, Stamp>, rev?: string): TeamDoc => ({
  _id: flat.id,
  ...(rev ? { _rev: rev } : {}),
  liaison: MAPPING_VERSION,
  unit: flat.unit,
  kind: flat.kind,
  parent: flat.parent,
  key: flat.key,
  pos: flat.pos,
  f,
});

const valuesOf = (f: Record<string, Stamp>): Record<string, unknown> => Object.fromEntries(Object.entries(f).map(([k, s]) => [k, s.v]));

const sameStamps = (a: Record<string, Stamp>, b: Record<string, Stamp>): boolean => sameValue(a, b);

/** Whether the team's version of a document moved on from what was last agreed. */
function teamMoved(team: Record<string, Stamp> | undefined, shadow: ShadowDoc | undefined): boolean {
  if (!team) return !!shadow;
  if (!shadow) return true;
  return Object.entries(team).some(([path, stamp]) => {
    const base = shadow.f[path];
    return !base || compareClocks(stamp.c, base.c) !== 'same' || !sameValue(stamp.v, base.v);
  });
}

function localMoved(local: FlatDoc | undefined, shadow: ShadowDoc | undefined): boolean {
  if (!local) return !!shadow;
  if (!shadow) return true;
  return Object.entries(local.fields).some(([path, v]) => !shadow.f[path] || !sameValue(v, shadow.f[path].v));
}

/**
 * The three-way merge of one unit (a report with its findings and records, a note, the team part of
 * the index): what is stored here, what was last agreed (the shadow) and what the team database
 * holds (every live revision). Pure: reads nothing and writes nothing.
 */
export function mergeUnit(state: UnitState): UnitMerge {
  const { local, shadow, team, me, now, unit } = state;
  const ids = new Set([...(local?.keys() ?? []), ...shadow.keys(), ...team.keys()]);
  const stamped = new Map<string, TeamDoc>();
  const writes: TeamDoc[] = [];
  const conflicts: FieldConflict[] = [];

  // A root deleted on one side takes its whole unit with it, unless the other side changed something
  // in it meanwhile; then the unit comes back whole from that side.
  const anyLocalChange = [...ids].some((id) => !!local?.get(id) && localMoved(local.get(id), shadow.get(id)));
  const anyTeamChange = [...ids].some((id) => !!team.get(id)?.length && teamMoved(team.get(id)![0]!.f, shadow.get(id)));
  const rootKnown = shadow.has(unit);
  const goneHere = rootKnown && !local?.get(unit);
  const goneThere = rootKnown && !team.get(unit)?.length;
  const dropUnit = (goneHere && !anyTeamChange) || (goneThere && !anyLocalChange) || (goneHere && goneThere);
  const fromTeam = goneHere && !dropUnit;
  const fromHere = goneThere && !dropUnit;

  const held = [...(state.heldBack ?? [])];
  const isHeld = (id: string) => held.some((h) => id === h || id.startsWith(`${h}/`));

  for (const id of ids) {
    const l = local?.get(id);
    const s = shadow.get(id);
    if (!l && !s && held.length && isHeld(id)) continue;
    const leaves = team.get(id) ?? [];
    const winner = leaves[0];

    // Conflicting revisions in the team database: merge them field by field.
    let w: Record<string, Stamp> | undefined = winner?.f;
    if (leaves.length > 1) {
      w = {};
      const paths = new Set(leaves.flatMap((leaf) => Object.keys(leaf.f)));
      for (const path of paths) {
        const versions = leaves.flatMap((leaf) => leaf.f[path] ?? []);
        const { stamp, losers } = resolveStamps(versions);
        w[path] = stamp;
        for (const other of losers) conflicts.push({ docId: id, unit, kind: winner!.kind, field: path, kept: stamp, other });
      }
      for (const group of state.groupsOf?.(winner!.kind) ?? []) alignAcrossLeaves(group, id, w, leaves, conflicts);
    }

    const deleteEverywhere = () => {
      for (const leaf of leaves) writes.push({ ...leaf, _deleted: true });
    };

    let present: boolean;
    if (dropUnit) present = false;
    else if (fromTeam) present = !!winner;
    else if (fromHere) present = !!l || (!s && !!winner);
    else if (l && s && !winner) present = localMoved(l, s);
    else if (!l && s && winner) present = teamMoved(w, s) || !knownKind(state, winner.kind);
    else present = !!l || !!winner;
    const known = l ?? (winner && { id, unit, kind: winner.kind, parent: winner.parent, key: winner.key, pos: winner.pos, fields: {} });
    if (!present || !known) {
      deleteEverywhere();
      continue;
    }

    const f: Record<string, Stamp> = {};
    const paths = new Set([...Object.keys(l?.fields ?? {}), ...Object.keys(s?.f ?? {}), ...Object.keys(w ?? {})]);
    for (const path of paths) {
      const mine = l?.fields[path];
      const base = s?.f[path];
      const theirs = w?.[path];
      const changedHere = mine !== undefined && (!base || !sameValue(mine, base.v));
      if (!changedHere) {
        const keep = theirs ?? base ?? (mine !== undefined ? fresh(mine, me, now, {}) : undefined);
        if (keep) f[path] = keep;
        continue;
      }
      if (theirs && sameValue(mine, theirs.v)) {
        f[path] = theirs;
        continue;
      }
      const ours = fresh(mine, me, now, base ? base.c : onlyMine(theirs?.c ?? {}, me.client));
      if (!theirs || (base && compareClocks(theirs.c, base.c) !== 'after' && compareClocks(theirs.c, base.c) !== 'apart')) {
        f[path] = ours;
        continue;
      }
      const { stamp, losers } = resolveStamps([ours, theirs]);
      f[path] = stamp;
      for (const other of losers) conflicts.push({ docId: id, unit, kind: known.kind, field: path, kept: stamp, other });
    }

    for (const group of state.groupsOf?.(known.kind) ?? []) keepTogether(group, { id, unit, kind: known.kind, l, s, w, f, me, now, conflicts });

    const position = winner ?? s;
    const doc = docOf({ ...known, pos: position ? position.pos : known.pos }, f, winner?._rev);
    if (winner?._attachments) doc._attachments = winner._attachments;
    stamped.set(id, doc);
    if (!winner || leaves.length > 1 || !sameStamps(winner.f, f)) writes.push(doc);
    for (const loser of leaves.slice(1)) writes.push({ ...loser, _deleted: true });
  }

  // A status step set aside is found again at every merge: it is recorded once, the first time.
  conflicts.push(...stepsSetAside(stamped, unit).filter((c) => !stamped.has(historyIdOf(c, stamped.get(c.docId)!))));
  const unsunk = sinkConflicts(state, conflicts, stamped, writes);
  const merged = new Map<string, FlatDoc>();
  for (const [id, doc] of stamped) {
    merged.set(id, { id, unit: doc.unit, kind: doc.kind, parent: doc.parent, key: doc.key, pos: doc.pos, fields: valuesOf(doc.f) });
  }
  return { merged, stamped, writes, conflicts, unsunk };
}

/**
 * Fields that only mean something together, changed on both sides while apart, are taken together from
 * the later side, so the result is one side's whole change (never one side's status with the other's
 * "superseded by"); the other side's value is one conflict, not one per field.
 */
function keepTogether(
  group: readonly string[],
  at: { id: string; unit: string; kind: string; l: FlatDoc | undefined; s: ShadowDoc | undefined; w: Record<string, Stamp> | undefined; f: Record<string, Stamp>; me: Me; now: string; conflicts: FieldConflict[] },
): void {
  const { id, l, s, w, f, me, now, conflicts } = at;
  const changedHere = group.filter((p) => l?.fields[p] !== undefined && (!s?.f[p] || !sameValue(l.fields[p], s.f[p].v)));
  const movedThere = group.filter((p) => {
    const theirs = w?.[p];
    if (!theirs) return false;
    const base = s?.f[p];
    return !base || compareClocks(theirs.c, base.c) === 'after' || compareClocks(theirs.c, base.c) === 'apart';
  });
  if (!changedHere.length || !movedThere.length) return;
  if (group.every((p) => sameValue(l?.fields[p], w?.[p]?.v))) return;
  const latestThere = movedThere.map((p) => w![p]!).sort(laterFirst)[0]!;
  const mine: Stamp = { v: null, at: now, by: me.name, c: {} };
  const hereWins = laterFirst(mine, latestThere) < 0;
  for (let i = conflicts.length - 1; i >= 0; i--) if (conflicts[i]!.docId === id && group.includes(conflicts[i]!.field)) conflicts.splice(i, 1);
  const primary = group[0]!;
  const other = hereWins ? w?.[primary] : l?.fields[primary] !== undefined ? fresh(l.fields[primary], me, now, {}) : undefined;
  for (const p of group) {
    if (hereWins) {
      if (l?.fields[p] !== undefined) f[p] = fresh(l.fields[p], me, now, joinClocks(s?.f[p]?.c ?? {}, w?.[p]?.c ?? {}));
    } else {
      const theirs = w?.[p] ?? s?.f[p];
      if (theirs) f[p] = theirs;
      else delete f[p];
    }
  }
  const kept = f[primary];
  if (kept && other && !sameValue(kept.v, other.v)) conflicts.push({ docId: id, unit: at.unit, kind: at.kind, field: primary, kept, other });
}

/** The same for conflicting revisions in the team database: the group comes whole from the revision whose first field won. */
function alignAcrossLeaves(group: readonly string[], id: string, w: Record<string, Stamp>, leaves: TeamDoc[], conflicts: FieldConflict[]): void {
  const primary = group[0]!;
  const won = w[primary];
  if (!won) return;
  const from = leaves.find((leaf) => {
    const stamp = leaf.f[primary];
    return stamp && stamp.at === won.at && stamp.by === won.by && sameValue(stamp.v, won.v);
  });
  if (!from) return;
  for (const p of group) {
    const stamp = from.f[p];
    if (stamp) w[p] = { ...stamp, c: joinClocks(...leaves.map((leaf) => leaf.f[p]?.c ?? {})) };
  }
  const mine = conflicts.filter((c) => c.docId === id && group.includes(c.field));
  const first = mine.find((c) => c.field === primary);
  for (const c of mine) conflicts.splice(conflicts.indexOf(c), 1);
  if (first) conflicts.push({ ...first, kept: w[primary]! });
}

function knownKind(state: UnitState, kind: string): boolean {
  return state.shapeOf(kind) !== null;
}

const fresh = (v: unknown, me: Me, at: string, clock: Record<string, number>): Stamp => ({
  v,
  at,
  by: me.name,
  c: { ...clock, [me.client]: (clock[me.client] ?? 0) + 1 },
});

/** Without an agreed base, this computer's own earlier count is all that can be built on. */
const onlyMine = (clock: Record<string, number>, client: string): Record<string, number> => (client in clock ? { [client]: clock[client]! } : {});

/**
 * Puts each conflict where people will see it: on a record that has a history and a list of
 * "changed by two people" flags (a finding), as a history entry keeping the value set aside and a flag
 * to check; both are records keyed by their content, so two computers resolving the same conflict
 * write the same documents. Conflicts elsewhere are returned for the team-wide list.
 */
function sinkConflicts(state: UnitState, conflicts: FieldConflict[], stamped: Map<string, TeamDoc>, writes: TeamDoc[]): FieldConflict[] {
  const unsunk: FieldConflict[] = [];
  for (const conflict of conflicts) {
    const owner = stamped.get(conflict.docId);
    const shape = owner && state.shapeOf(owner.kind);
    const history = shape && collectionAt(shape, HISTORY_PATH);
    const flags = shape && collectionAt(shape, FLAG_PATH);
    if (!owner || !history || !flags || conflict.field.startsWith('tracking.twoPeople')) {
      unsunk.push(conflict);
      continue;
    }
    const at = laterOf(conflict);
    const flag = {
      field: conflict.field.replace(/^tracking\./, ''),
      kept: conflict.kept.v,
      keptBy: conflict.kept.by,
      keptAt: conflict.kept.at,
      other: conflict.other.v,
      otherBy: conflict.other.by,
      otherAt: conflict.other.at,
    };
    for (const [path, record] of [
      [HISTORY_PATH, historyEntryOf(conflict)],
      [FLAG_PATH, flag],
    ] as const) {
      const key = contentKey(record);
      const id = `${owner._id}/${path}:${key}`;
      if (stamped.has(id)) continue;
      const siblings = [...stamped.values()].filter((d) => d.parent === owner._id && d.kind === `${owner.kind}/${path}`).length;
      const f: Record<string, Stamp> = {};
      for (const [field, v] of Object.entries(record)) f[field] = { v, at, by: 'Team sync', c: {} };
      const doc: TeamDoc = { _id: id, liaison: MAPPING_VERSION, unit: owner.unit, kind: `${owner.kind}/${path}`, parent: owner._id, key, pos: siblings, f };
      stamped.set(id, doc);
      writes.push(doc);
    }
  }
  return unsunk;
}

const laterOf = (conflict: FieldConflict): string => (conflict.kept.at > conflict.other.at ? conflict.kept.at : conflict.other.at);

/** The history entry that keeps the value set aside: the same conflict gives the same entry on every computer. */
function historyEntryOf(conflict: FieldConflict) {
  return { at: laterOf(conflict), by: 'Team sync', field: conflict.field.replace(/^tracking\./, ''), from: conflict.other.v, to: conflict.kept.v };
}

const historyIdOf = (conflict: FieldConflict, owner: Pick<TeamDoc, '_id'>): string => `${owner._id}/${HISTORY_PATH}:${contentKey(historyEntryOf(conflict))}`;
