import { contentKey } from './canonical';
import type { FieldConflict } from './merge-unit';
import type { Pouch } from './pouch';

/**
 * The team's list of things that need a person: values set aside when two people changed something
 * that has no history of its own (a note, a paper, a setting), and changes the server refused, kept as
 * proposals. Each is a document of the team database, keyed by its content, so it syncs like
 * everything else and two computers never file the same item twice.
 */
export interface KeptItem {
  id: string;
  type: 'conflict' | 'proposal';
  /** The document it concerns and its unit (`r:<report>`, `n:<note>`, `i`). */
  docId: string;
  unit: string;
  kind: string;
  at: string;
  by: string;
  /** For a proposal: the server's reason for refusing it. */
  reason: string | null;
  /** field → the value kept and the other value (a conflict), or the proposed value and the team's (a proposal). */
  changes: { field: string; value: unknown; was: unknown }[];
}

interface KeptDoc {
  _id: string;
  _rev?: string;
  liaisonKept: Omit<KeptItem, 'id'>;
}

export class KeptItems {
  constructor(private readonly db: Pouch) {}

  async addConflict(conflict: FieldConflict, at: string): Promise<void> {
    await this.add({
      type: 'conflict',
      docId: conflict.docId,
      unit: conflict.unit,
      kind: conflict.kind,
      at,
      by: conflict.other.by,
      reason: null,
      changes: [{ field: conflict.field, value: conflict.other.v, was: conflict.kept.v }],
    });
  }

  async addProposal(item: { docId: string; unit: string; kind: string; reason: string; changes: KeptItem['changes']; by: string; at: string }): Promise<void> {
    await this.add({ type: 'proposal', ...item });
  }

  private async add(item: Omit<KeptItem, 'id'>): Promise<void> {
    // The time is left out of the key: the same conflict found on two computers is one item.
    const { at: _at, ...identity } = item;
    const id = `kept:${contentKey(identity)}`;
    const existing = await this.db.get(id).catch(() => null);
    if (existing) return;
    await this.db.put({ _id: id, liaisonKept: item } satisfies KeptDoc as unknown as Record<string, unknown>);
  }

  async list(): Promise<KeptItem[]> {
    const result = await this.db.allDocs<KeptDoc>({ startkey: 'kept:', endkey: 'kept:\uffff', include_docs: true });
    return result.rows
      .flatMap((row) => (row.doc?.liaisonKept ? [{ id: row.id, ...row.doc.liaisonKept }] : []))
      .sort((a, b) => (a.at < b.at ? 1 : -1));
  }

  async get(id: string): Promise<KeptItem | null> {
    const doc = await this.db.get<KeptDoc>(id).catch(() => null);
    return doc?.liaisonKept ? { id, ...doc.liaisonKept } : null;
  }

  /** Someone has dealt with it: it leaves the list on every computer. */
  async dismiss(id: string): Promise<boolean> {
    const doc = await this.db.get<KeptDoc & { _conflicts?: string[] }>(id, { conflicts: true }).catch(() => null);
    if (!doc) return false;
    // Two computers may have filed the same item: every copy goes, or another would take its place.
    await this.db.bulkDocs([doc._rev, ...(doc._conflicts ?? [])].map((rev) => ({ _id: id, _rev: rev, _deleted: true })));
    return true;
  }
}
