import { readFile, readdir } from 'node:fs/promises';
import { AppError } from '../../shared/api/result';
import { atomicWrite, type WriteFs } from './atomic-write';
import { isSealed, seal, unseal, type Cipher } from './cipher';
import type { StoreLayout } from './layout';
import { SCHEMA_VERSION } from './schema';
import { migrationTo2 } from './migration-2';

import type { Migration } from './migration';

export type { Migration };

/** The upgrades of the on-disk format, in order. */
export const MIGRATIONS: Migration[] = [migrationTo2()];

/**
 * Brings an older data folder up to SCHEMA_VERSION before it is read, and refuses one written by a
 * newer version, changing nothing.
 */
export async function runMigrations(
  layout: StoreLayout,
  migrations: Migration[],
  { cipher, readOnly, fs }: { cipher: Cipher | undefined; readOnly: boolean; fs?: WriteFs },
): Promise<void> {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(unseal(await readFile(layout.index), cipher).toString('utf8')) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof AppError) throw error; // sealed, and no cipher here: stop, changing nothing
    return; // a new store, or a damaged index that recovery deals with
  }
  const version = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0;
  if (version > SCHEMA_VERSION) {
    throw new AppError(
      'unreadable',
      `This data folder was written by a newer version of Liaison Desk (format ${version}; this version reads up to ${SCHEMA_VERSION}). Update the app.`,
    );
  }
  const steps = migrations.filter((m) => m.to > version).sort((a, b) => a.to - b.to);
  if (!steps.length || readOnly) return;
  // Each file keeps its form (sealed or plain); converge() settles the forms after loading.
  const rewrite = async (file: string, step: (json: Record<string, unknown>) => Record<string, unknown>) => {
    const bytes = await readFile(file);
    const json = JSON.parse(unseal(bytes, cipher).toString('utf8')) as Record<string, unknown>;
    const out = Buffer.from(JSON.stringify(step(json)), 'utf8');
    await atomicWrite(file, cipher && isSealed(bytes) ? seal(cipher, out) : out, fs);
  };
  for (const step of steps) {
    if (step.report) {
      for (const name of await readdir(layout.reports)) await rewrite(`${layout.reports}/${name}`, step.report);
    }
    if (step.notes) {
      for (const name of await readdir(layout.notes)) await rewrite(`${layout.notes}/${name}`, step.notes);
    }
    const next = { ...(step.index ? step.index(raw) : raw), schemaVersion: step.to };
    await rewrite(layout.index, () => next);
    raw = next;
  }
}
