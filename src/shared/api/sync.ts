import { z } from 'zod';
import { read, write } from './define';
import { Id, IsoDateTime } from '../domain/ids';
import { Finding } from '../domain/finding';

/** Where the team database is and who you are there; the password travels only in the calls that need it. */
export const TeamAddress = z.object({
  server: z.string().trim().min(1).max(500),
  database: z.string().trim().min(1).max(200),
  user: z.string().trim().min(1).max(200),
});

const Password = z.string().min(1, 'the password is empty').max(1_000);

export const TeamStatus = z.object({
  on: z.boolean(),
  server: z.string().nullable(),
  database: z.string().nullable(),
  user: z.string().nullable(),
  /** off · needs-password (asked for after a restart where it is not remembered) · starting · synced · sending · offline · problem */
  state: z.enum(['off', 'needs-password', 'starting', 'synced', 'sending', 'offline', 'problem']),
  lastSyncedAt: IsoDateTime.nullable(),
  waiting: z.number().int().nonnegative(),
  problem: z.string().nullable(),
  /** Plain http to this computer (trials only). */
  plainHttp: z.boolean(),
  roles: z.array(z.string()),
  refusals: z.array(z.string()),
  notApplied: z.array(z.string()),
  /** Counts changes from the team written to this store, so a window knows to read again. */
  applied: z.number().int().nonnegative(),
  /** Whether a password given here is remembered (the desktop app's OS key store) or asked for after each start. */
  remembersPassword: z.boolean(),
  sharedTags: z.array(z.string()),
  /** Why team working cannot be turned on here, if it cannot (encryption at rest). */
  unavailable: z.string().nullable(),
});
export type TeamStatus = z.infer<typeof TeamStatus>;

/** What joining a team database will change here, shown before anything changes. */
export const TeamPreview = z.object({
  roles: z.array(z.string()),
  plainHttp: z.boolean(),
  teamReports: z.number().int().nonnegative(),
  download: z.array(z.string()),
  upload: z.array(z.string()),
  /** Reports both here and in the team database: merged field by field. */
  merge: z.array(z.object({ title: z.string(), findingsDiffering: z.number().int().nonnegative() })),
  /** Reports imported here whose file the team holds under another id: kept apart (not shared). */
  sameFile: z.array(z.string()),
  /** Team settings whose value here differs from the team's. */
  settingsDiffering: z.array(z.string()),
  sharedNotes: z.number().int().nonnegative(),
});
export type TeamPreview = z.infer<typeof TeamPreview>;

export const SyncRound = z.object({ pushed: z.number().int(), pulled: z.number().int(), conflicts: z.number().int() });

/** An item in the team's list of things that need a person: a value set aside, or a refused change kept as a proposal. */
export const KeptItemView = z.object({
  id: z.string(),
  type: z.enum(['conflict', 'proposal']),
  what: z.string(),
  at: IsoDateTime,
  by: z.string(),
  reason: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), value: z.string(), was: z.string() })),
  /** The finding it concerns, to open it. */
  findingId: Id.nullable(),
});
export type KeptItemView = z.infer<typeof KeptItemView>;

const EVERYTHING = ['settings', 'reports', 'findings', 'links', 'annotations', 'notes', 'papers'] as const;

export const syncCalls = {
  'sync.status': read(z.object({}), TeamStatus, ['store']),
  // Reads the team database into this computer's sync folder (not the store) to say what joining would change.
  'sync.preview': write(TeamAddress.extend({ password: Password }), TeamPreview, []),
  'sync.enable': write(TeamAddress.extend({ password: Password, remember: z.boolean().optional() }), TeamStatus, [...EVERYTHING]),
  'sync.password': write(z.object({ password: Password, remember: z.boolean().optional() }), TeamStatus, [...EVERYTHING]),
  'sync.disable': write(z.object({}), TeamStatus, []),
  'sync.now': write(z.object({}), SyncRound, [...EVERYTHING]),
  'sync.sharedTags': write(z.object({ tags: z.array(z.string().trim().min(1).max(100)).max(100) }), TeamStatus, ['notes', 'annotations']),
  'sync.share': write(z.object({ kind: z.enum(['note', 'annotation']), id: Id, shared: z.boolean() }), z.object({ shared: z.boolean() }), ['notes', 'annotations']),
  'sync.kept': read(z.object({}), z.array(KeptItemView), ['findings', 'settings', 'notes', 'papers']),
  'sync.dismiss': write(z.object({ id: z.string().regex(/^kept:[0-9a-f]{32}$/) }), z.object({ dismissed: z.boolean() }), []),
  // Someone has checked a finding that two people changed while apart: the flag goes, on every computer.
  'sync.confirmFinding': write(z.object({ id: Id }), Finding, ['findings']),
};
