import type { StatusStep } from '../../shared/domain/finding';
import { statusFromSteps } from '../tracking/status-steps';
import type { FlatDoc } from './flat';
import type { FieldConflict } from './field-conflict';
import { collectionAt, type ObjectShape } from './schema-shape';
import type { TeamDoc } from './team-doc';

/**
 * A finding's status, proposal and resolution are not shared as values: its status steps are (records
 * added, never edited, so they never conflict), and each computer works the status out from them
 * (tracking/status-steps.ts). A finding without steps (from a store made before they were kept) shares
 * its status as it stands, once, as the base the steps start from.
 */
export const STEPS_PATH = 'tracking.steps';
const STEP_DERIVED = ['tracking.status', 'tracking.proposal', 'tracking.resolution'];

export const hasSteps = (shape: ObjectShape | null): boolean => !!shape && !!collectionAt(shape, STEPS_PATH);

/** Leaves the values the steps decide out of the shared documents of records that have steps. */
export function leaveOutStepValues(docs: FlatDoc[], shapeOf: (kind: string) => ObjectShape | null): void {
  const withSteps = new Set<string>();
  for (const doc of docs) if (doc.parent && doc.kind.endsWith(`/${STEPS_PATH}`)) withSteps.add(doc.parent);
  for (const doc of docs) {
    if (!withSteps.has(doc.id) || !hasSteps(shapeOf(doc.kind))) continue;
    for (const path of STEP_DERIVED) delete doc.fields[path];
  }
}

const valuesOf = (doc: TeamDoc): Record<string, unknown> => Object.fromEntries(Object.entries(doc.f).map(([k, s]) => [k, s.v]));

/**
 * Steps set aside when the merged steps are replayed (two people took a step from the same status while
 * apart): each becomes a conflict on the status, kept once in the finding's history and flagged for a
 * person to check (once: the caller leaves out those already in the history). Steps that led to the same
 * status are not a conflict.
 */
export function stepsSetAside(stamped: Map<string, TeamDoc>, unit: string): FieldConflict[] {
  const byParent = new Map<string, StatusStep[]>();
  for (const doc of stamped.values()) {
    if (!doc.parent || !doc.kind.endsWith(`/${STEPS_PATH}`)) continue;
    const list = byParent.get(doc.parent) ?? [];
    list.push(valuesOf(doc) as unknown as StatusStep);
    byParent.set(doc.parent, list);
  }
  const conflicts: FieldConflict[] = [];
  for (const [parent, steps] of byParent) {
    const owner = stamped.get(parent);
    const outcome = owner && statusFromSteps(steps.filter((s) => typeof s.seq === 'number' && typeof s.from === 'string'));
    if (!owner || !outcome) continue;
    for (const { step, stood } of outcome.setAside) {
      if (step.to === stood.to) continue;
      conflicts.push({
        docId: parent,
        unit,
        kind: owner.kind,
        field: 'tracking.status',
        kept: { v: stood.to, at: stood.at, by: stood.by, c: {} },
        other: { v: step.to, at: step.at, by: step.by, c: {} },
      });
    }
  }
  return conflicts;
}
