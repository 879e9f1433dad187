/**
 * One upgrade of the on-disk format (see migrations.ts, which applies them in order when a store older
 * than SCHEMA_VERSION is opened). Each step sees raw JSON (validation comes after) and must be
 * idempotent: if the app stops half-way, the next start runs the step again over documents it may
 * already have upgraded.
 */
export interface Migration {
  to: number;
  index?: (raw: Record<string, unknown>) => Record<string, unknown>;
  report?: (raw: Record<string, unknown>) => Record<string, unknown>;
  notes?: (raw: Record<string, unknown>) => Record<string, unknown>;
}
