import type { Store } from '../store/repository';
import type { FlatDoc } from './flat';
import { attachmentNames, fileRefs, isStored, readForTeam, storeArrived } from './files';
import type { Pouch } from './pouch';
import type { TeamDoc } from './team-doc';
import type { UnitKind } from './units';

/**
 * Gives each document about to be written the attachments of the files it stands for (files.ts): those
 * it already carries stay as they are (stubs: they are not sent again), missing ones are read from the
 * store, and those of files it no longer stands for are dropped.
 */
export async function attachFiles(store: Store, unitKind: UnitKind, writes: TeamDoc[]): Promise<void> {
  await Promise.all(
    writes.map(async (doc) => {
      if (doc._deleted) return;
      const refs = fileRefs(unitKind, doc.kind, (path) => doc.f[path]?.v);
      const had = (doc._attachments ?? {}) as Record<string, unknown>;
      const next: Record<string, unknown> = {};
      for (const ref of refs) {
        const names = attachmentNames(ref);
        if (names.every((name) => had[name])) for (const name of names) next[name] = had[name];
        else Object.assign(next, await readForTeam(store, ref));
      }
      if (Object.keys(next).length) doc._attachments = next;
      else delete doc._attachments;
    }),
  );
}

export interface Arrivals {
  /** Documents whose file could not be taken in: left with the team for now, tried again next round. */
  heldBack: Set<string>;
  problems: string[];
}

/**
 * Before a unit is merged, takes in the files its team documents stand for and this computer lacks: each is
 * read from the local PouchDB's attachments, checked and stored (files.ts). A document whose file is
 * missing or fails its checks is held back, with the reason in words, and the rest of the unit goes on.
 */
export async function takeInFiles(store: Store, local: Pouch, unitKind: UnitKind, team: Map<string, TeamDoc[]>, here: Map<string, FlatDoc> | null): Promise<Arrivals> {
  const heldBack = new Set<string>();
  const problems: string[] = [];
  for (const [id, leaves] of team) {
    const doc = leaves[0];
    if (!doc) continue;
    const refs = fileRefs(unitKind, doc.kind, (path) => doc.f[path]?.v);
    const mine = here?.get(id);
    const known = new Set(mine ? fileRefs(unitKind, mine.kind, (path) => mine.fields[path]).map((r) => r.sha256) : []);
    const needed = refs.filter((ref) => !known.has(ref.sha256) && !isStored(store, ref));
    if (!needed.length) continue;
    const full = await local.get<{ _attachments?: Record<string, { content_type?: string; data?: unknown }> }>(id, { rev: doc._rev, attachments: true, binary: true }).catch(() => null);
    for (const ref of needed) {
      try {
        await storeArrived(store, ref, full?._attachments ?? {});
      } catch (error) {
        heldBack.add(id);
        problems.push(`${describe(ref)} from the team was not stored here: ${(error as Error).message}.`);
      }
    }
  }
  return { heldBack, problems };
}

function describe(ref: { role: string; name: string }): string {
  if (ref.role === 'evidence') return `The evidence file “${ref.name}”`;
  if (ref.role === 'logo') return `The force logo “${ref.name}”`;
  return `The file “${ref.name}”`;
}
