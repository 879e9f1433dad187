import { createHash } from 'node:crypto';
import { Note } from '../../shared/domain/notes';
import { IndexDoc, ReportDoc, TextDoc } from '../store/schema';
import type { Store } from '../store/repository';
import { build, childrenByParent, type FlatDoc } from './flat';
import { patchUnit } from './patch';
import { rootShapeOf, unitKindOf } from './units';

export interface ApplyInput {
  store: Store;
  unit: string;
  /** The unit as flattened when the merge began. */
  before: Map<string, FlatDoc>;
  /** The merged unit. */
  after: Map<string, FlatDoc>;
  /** A report's source file and text, from the team database, when the report is new here. */
  readSource: () => Promise<{ source: Buffer; text: unknown } | null>;
}

export interface Applied {
  changed: boolean;
  /** Why the team's version could not be stored here, in words; nothing was changed. */
  problem?: string;
}

const reason = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0] : String(error));

/**
 * Writes the merged unit into the store through its public methods, as a patch on the stored
 * document (see patchUnit). What fails the store's schema here (a value only a newer version of the
 * app knows) is not stored and is reported, and the store stays as it was.
 */
export async function applyUnit({ store, unit, before, after, readSource }: ApplyInput): Promise<Applied> {
  const kind = unitKindOf(unit);
  if (!kind) return { changed: false };
  const shape = rootShapeOf(kind);
  const root = after.get(unit);
  const whole = () => build(root!, shape, childrenByParent(after.values()));
  try {
    if (kind === 'report') {
      const id = unit.slice(2);
      const current = store.reportDoc(id);
      if (!current) {
        if (!root) return { changed: false };
        const parsed = ReportDoc.safeParse(whole());
        if (!parsed.success) return { changed: false, problem: `A report from the team could not be stored here: ${parsed.error.issues[0]?.message}.` };
        const files = await readSource();
        const title = parsed.data.report.title;
        if (!files) return { changed: false, problem: `“${title}” arrived from the team without its source file; it will be stored when the file arrives.` };
        if (createHash('sha256').update(files.source).digest('hex') !== parsed.data.report.sha256) {
          return { changed: false, problem: `The source file of “${title}” from the team does not match its fingerprint (sha256); it was not stored.` };
        }
        const added = await store.addReport(parsed.data, TextDoc.parse(files.text), files.source);
        if (added.duplicate) {
          return { changed: false, problem: `“${title}” from the team is the same file as a report you imported yourself; yours is kept, the team’s copy is not stored here.` };
        }
        return { changed: true };
      }
      if (!root) {
        if (!before.has(unit)) return { changed: false };
        await store.removeReport(id);
        return { changed: true };
      }
      const trial = structuredClone(current) as unknown as Record<string, unknown>;
      if (!patchUnit(trial, shape, before, after)) return { changed: false };
      const parsed = ReportDoc.safeParse(trial);
      if (!parsed.success) return { changed: false, problem: `A change from the team to “${current.report.title}” could not be stored here: ${parsed.error.issues[0]?.message}.` };
      await store.updateReport(id, (draft) => void patchUnit(draft as unknown as Record<string, unknown>, shape, before, after));
      return { changed: true };
    }
    if (kind === 'note') {
      const id = unit.slice(2);
      const current = store.note(id);
      if (!root) {
        if (!current || !before.has(unit)) return { changed: false };
        await store.removeNote(id);
        return { changed: true };
      }
      const next = current ? (structuredClone(current) as unknown as Record<string, unknown>) : whole();
      if (current && !patchUnit(next, shape, before, after)) return { changed: false };
      const parsed = Note.safeParse(next);
      if (!parsed.success) return { changed: false, problem: `A shared note from the team could not be stored here: ${parsed.error.issues[0]?.message}.` };
      await store.putNote(parsed.data);
      return { changed: true };
    }
    const trial = structuredClone(store.index) as unknown as Record<string, unknown>;
    if (!patchUnit(trial, shape, before, after)) return { changed: false };
    const parsed = IndexDoc.safeParse(trial);
    if (!parsed.success) return { changed: false, problem: `A change from the team to the team settings could not be stored here: ${parsed.error.issues[0]?.message}.` };
    await store.updateIndex((draft) => void patchUnit(draft as unknown as Record<string, unknown>, shape, before, after));
    return { changed: true };
  } catch (error) {
    return { changed: false, problem: `A change from the team could not be stored here: ${reason(error)}` };
  }
}
