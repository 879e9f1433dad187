import { readdir, rename, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { RecoveryNotice } from '../../shared/api/app';
import { DamagedFileError } from './durable-json-file';
import type { StoreLayout } from './layout';
import type { ReportDoc } from './schema';

/**
 * Files on disk that the index does not name, and what to do with them, so that opening a store never
 * yields one that knows less than its folder holds (an index put back from an older backup, or rebuilt
 * because it and every backup were damaged, would otherwise hide every report imported since).
 */

/** Suffix of a file a removal has claimed but not yet deleted (see claimForRemoval). */
export const REMOVING = '.removing';

const REPORT_FILE = /^([A-Za-z0-9_-]{1,128})\.json$/;
const SHA256 = /^[0-9a-f]{64}$/;

export interface Orphans {
  /** Valid report files the index does not name, to add to it. */
  reports: ReportDoc[];
  /** Source files (sha256) no report names; the app reads them again to rebuild their reports. */
  sources: string[];
  notices: RecoveryNotice[];
}

/**
 * Lists report files the index does not name and reads each with `read` (the store's own validating
 * reader): valid ones come back to be re-attached, damaged ones are left where they are and reported.
 * Then lists sources that no report, named or re-attached, refers to.
 */
export async function findOrphans(
  layout: StoreLayout,
  named: ReadonlySet<string>,
  namedShas: ReadonlySet<string>,
  read: (id: string) => Promise<ReportDoc | null>,
): Promise<Orphans> {
  const out: Orphans = { reports: [], sources: [], notices: [] };
  const names = await readdir(layout.reports).catch(() => [] as string[]);
  const shas = new Set(namedShas);
  for (const name of names.sort()) {
    const id = REPORT_FILE.exec(name)?.[1];
    if (!id || named.has(id)) continue;
    const file = layout.report(id);
    try {
      const doc = await read(id);
      if (!doc || doc.report.id !== id) continue;
      out.reports.push(doc);
      shas.add(doc.report.sha256);
      out.notices.push(notice(layout, file, 'reattached', "the index did not name this report (the index was put back from an older backup, or rebuilt); it has been re-attached with its findings, tracking and annotations"));
    } catch (error) {
      if (!(error instanceof DamagedFileError)) throw error;
      out.notices.push(notice(layout, file, 'left', `the index did not name this report, and it could not be re-attached: ${error.problem}. It was left where it is`));
    }
  }
  for (const name of (await readdir(layout.sources).catch(() => [] as string[])).sort()) {
    if (SHA256.test(name) && !shas.has(name)) out.sources.push(name);
  }
  return out;
}

export function notice(layout: StoreLayout, file: string, action: NonNullable<RecoveryNotice['action']>, message: string): RecoveryNotice {
  const at = relative(layout.dir, file);
  return { file: at, setAsideAs: at, problem: message, restoredFrom: null, action, message };
}

/**
 * A removal renames the report's files to `<name>.removing` before the index stops naming the report,
 * and deletes them after. So a crash part-way is never mistaken for a report to re-attach: at the next
 * open, claims whose report the index still names are put back (the removal did not happen), and the
 * others are deleted (it did).
 */
export async function claimForRemoval(files: string[]): Promise<string[]> {
  const claimed: string[] = [];
  for (const file of files) {
    if (!existsSync(file)) continue;
    await rename(file, `${file}${REMOVING}`);
    claimed.push(`${file}${REMOVING}`);
  }
  return claimed;
}

export async function unclaim(claimed: string[]): Promise<void> {
  for (const file of claimed) await rename(file, file.slice(0, -REMOVING.length)).catch(() => undefined);
}

/**
 * Settles the claims a crash left behind: see claimForRemoval. Report files are settled by the index
 * alone, before the reports are read; texts and sources (`namedShas` given) once the reports are known.
 */
export async function settleRemovals(layout: StoreLayout, named: ReadonlySet<string>, namedShas: ReadonlySet<string> | null): Promise<void> {
  const folders = namedShas ? [layout.texts, layout.sources] : [layout.reports];
  for (const folder of folders) {
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      if (!name.endsWith(REMOVING)) continue;
      const base = name.slice(0, -REMOVING.length);
      const stem = base.replace(/\.json$/, '');
      const keep = namedShas ? namedShas.has(stem) : named.has(stem);
      const claimed = join(folder, name);
      const target = join(folder, base);
      if (keep && !existsSync(target)) await rename(claimed, target);
      else await rm(claimed, { force: true });
    }
  }
}
