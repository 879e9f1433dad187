import { Note } from '../../shared/domain/notes';
import { IndexDoc, ReportDoc } from '../store/schema';
import type { Store } from '../store/repository';
import { build, childrenByParent, type FlatDoc } from './flat';
import { patchUnit } from './patch';
import { letGo } from './files';
import { settleStatus } from '../tracking/status-steps';
import type { Tracking } from '../../shared/domain/finding';
import { rootShapeOf, unitKindOf } from './units';

export interface ApplyInput {
  store: Store;
  unit: string;
  /** The unit as flattened when the merge began. */
  before: Map<string, FlatDoc>;
  /** The merged unit. */
  after: Map<string, FlatDoc>;
}

export interface Applied {
  changed: boolean;
  /** Why the team's version could not be stored here, in words; nothing was changed. */
  problem?: string;
}

/** Findings take the status their steps give them, once the team's steps are in (see status-steps.ts). */
function settled(doc: Record<string, unknown>): Record<string, unknown> {
  const findings = (doc as { findings?: { tracking?: Tracking }[] }).findings;
  for (const finding of Array.isArray(findings) ? findings : []) if (finding.tracking?.steps?.length) settleStatus(finding.tracking);
  return doc;
}

const reason = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0] : String(error));

/**
 * Writes the merged unit into the store through its public methods, as a patch on the stored
 * document (see patchUnit). What fails the store's schema here (a value only a newer version of the
 * app knows) is not stored and is reported, and the store stays as it was.
 */
export async function applyUnit({ store, unit, before, after }: ApplyInput): Promise<Applied> {
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
        const parsed = ReportDoc.safeParse(settled(whole()));
        if (!parsed.success) return { changed: false, problem: `A report from the team could not be stored here: ${parsed.error.issues[0]?.message}.` };
        // Its files were checked and stored as they arrived (files.ts); a report whose files did not is held back before this.
        const { sha256, title } = parsed.data.report;
        const files = await Promise.all([store.readText(sha256), store.readSource(sha256)]).catch(() => null);
        if (!files) return { changed: false, problem: `“${title}” arrived from the team without its source file; it will be stored when the file arrives.` };
        const added = await store.addReport(parsed.data, files[0], files[1]);
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
      const patch = (draft: Record<string, unknown>) => patchUnit(draft, shape, before, after) && (settled(draft), true);
      const trial = structuredClone(current) as unknown as Record<string, unknown>;
      if (!patch(trial)) return { changed: false };
      const parsed = ReportDoc.safeParse(trial);
      if (!parsed.success) return { changed: false, problem: `A change from the team to “${current.report.title}” could not be stored here: ${parsed.error.issues[0]?.message}.` };
      await store.updateReport(id, (draft) => void patch(draft as unknown as Record<string, unknown>));
      await letGo(store, kind, before.values(), after.values());
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
    await letGo(store, kind, before.values(), after.values());
    return { changed: true };
  } catch (error) {
    return { changed: false, problem: `A change from the team could not be stored here: ${reason(error)}` };
  }
}
