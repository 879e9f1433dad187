import { z } from 'zod';
import { compareProgress, FindingStatus, Rag, type FieldChange, type ProgressUpdate, type Tracking } from '../../shared/domain/finding';
import { directStatusRefusal } from './lifecycle';
import { Id, IsoDate, IsoDateTime } from '../../shared/domain/ids';
import { AppError } from '../../shared/api/result';
import { withStep } from './status-steps';

export type TrackingPatch = Partial<Pick<Tracking, 'owner' | 'status' | 'rag' | 'due' | 'evidence'>>;

const Patch = z.object({
  owner: z.string().nullable().optional(),
  status: FindingStatus.optional(),
  rag: Rag.nullable().optional(),
  due: IsoDate.nullable().optional(),
  evidence: z.array(z.string()).optional(),
});

const FIELDS = ['owner', 'status', 'rag', 'due', 'evidence'] as const;

function checked<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError('invalid-input', `${what} is not valid: ${parsed.error.issues.map((i) => i.message).join('; ')}.`);
  }
  return parsed.data;
}

/** An owner typed as spaces is no owner; evidence lines that are blank are not evidence. */
function tidy(patch: TrackingPatch): TrackingPatch {
  const out: TrackingPatch = { ...patch };
  if (typeof out.owner === 'string') out.owner = out.owner.trim() || null;
  if (out.evidence) out.evidence = out.evidence.map((e) => e.trim()).filter((e) => e.length > 0);
  return out;
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/**
 * Applies an edit of a finding's tracking fields, recording one history entry (old → new) for each field
 * that really changed. Fields left out of the patch, or set to what they already are, leave no trace.
 * Returns a new Tracking; the one passed in is not changed.
 */
export function applyTrackingPatch(tracking: Tracking, patch: TrackingPatch, by: string, at: string): Tracking {
  const valid = tidy(checked(Patch, patch, 'The tracking change'));
  checked(IsoDateTime, at, 'The time of the change');
  if (valid.status !== undefined) {
    const refusal = directStatusRefusal(tracking.status, valid.status);
    if (refusal) throw new AppError('invalid-input', refusal);
  }
  const next: Tracking = { ...tracking, history: [...tracking.history] };
  for (const field of FIELDS) {
    const to = valid[field];
    if (to === undefined) continue;
    const from = tracking[field];
    if (same(from, to)) continue;
    const change: FieldChange = { at, by, field, from, to };
    next.history.push(change);
    Object.assign(next, { [field]: to });
  }
  return next.status === tracking.status ? next : withStep(next, 'set', tracking.status, by, at);
}

export interface ProgressOptions {
  /** The date the update is about; today's date of `at` when left out. */
  on?: string;
  /** How it arrived, e.g. "update request of 3 March 2020". */
  via?: string;
  /** Who entered it, when someone else wrote it (an owner's returned workbook): the history names them. */
  enteredBy?: string;
}

/**
 * Adds a progress update dated `on` (default: the day of `at`), keeping updates in date order even when one
 * is entered late. The entry itself (when, by whom) goes in the history.
 */
export function addProgress(tracking: Tracking, text: string, by: string, at: string, id: string, options: ProgressOptions = {}): Tracking {
  const body = text.trim();
  if (!body) throw new AppError('invalid-input', 'A progress update needs some text.');
  checked(IsoDateTime, at, 'The time of the progress update');
  checked(Id, id, 'The progress update id');
  const on = options.on === undefined ? at.slice(0, 10) : checked(IsoDate, options.on, 'The date of the progress update');
  if (tracking.progress.some((p) => p.id === id)) {
    throw new AppError('invalid-input', `A progress update with id ${id} already exists.`);
  }
  const update: ProgressUpdate = { id, at, on, by, text: body, ...(options.via ? { via: options.via } : {}) };
  // Stable sort: updates of the same day keep the order they were entered in.
  const progress = [...tracking.progress, update].sort(compareProgress);
  const excerpt = body.length > 120 ? `${body.slice(0, 119)}…` : body;
  const entry: FieldChange = { at, by: options.enteredBy ?? by, field: 'progress', from: null, to: on, note: excerpt };
  return { ...tracking, progress, history: [...tracking.history, entry] };
}
