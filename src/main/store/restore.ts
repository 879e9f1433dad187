import { mkdir, rename, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/api/result';
import { ArchiveDamagedError, isSealedFile, readArchive } from './archive';
import { atomicWrite } from './atomic-write';
import { seal, type Cipher } from './cipher';
import { verifyArchive, type VerifiedArchive } from './backups';
import { acquireStoreLock, type StoreLock } from './lock';
import { storeLayout, type StoreLayout } from './layout';

/** What a restore replaces; backups/ and set-aside/ stay where they are. */
const STORE_ENTRIES = ['index.json', 'reports', 'texts', 'sources', 'evidence', 'notes'] as const;

export interface RestoreOutcome {
  reports: number;
  notes: number;
  /** Where the store's previous contents now are, relative to the data folder. */
  setAsideAs: string;
}

/**
 * Checks that an archive can be restored: every record valid (see verifyArchive), and a full export,
 * with the text and the source file of every report. Throws an AppError naming the problem. A sealed
 * archive needs the cipher of the account that made it.
 */
export async function checkRestorable(archiveFile: string, cipher?: Cipher): Promise<VerifiedArchive> {
  let verified: VerifiedArchive;
  try {
    if (!cipher && (await isSealedFile(archiveFile))) {
      throw new AppError(
        'unreadable',
        'The archive cannot be restored here: it is encrypted, and only the Liaison Desk desktop app on the user account that made it can open it (export it again with "Export unencrypted" to move it). Nothing was changed.',
      );
    }
    verified = await verifyArchive(archiveFile, cipher);
  } catch (error) {
    if (error instanceof ArchiveDamagedError) throw new AppError('unreadable', `${error.message}. Nothing was changed.`);
    if (error instanceof AppError) throw error;
    throw new AppError('unreadable', `The archive cannot be restored: ${describeArchiveProblem(error)}. Nothing was changed.`);
  }
  if (verified.contents !== 'full') {
    throw new AppError(
      'invalid-input',
      'This is a daily backup, which holds no documents; restore from a whole-store export (Export the whole store…). Nothing was changed.',
    );
  }
  return verified;
}

/**
 * Replaces a data folder's store with an archive's contents. The archive is checked in full first, so
 * a bad one changes nothing. The new store is written into a folder inside the data folder (same disk,
 * so the moves are renames), then the current contents are moved into set-aside/before-restore-<time>/
 * (never deleted) and the new ones moved into place. The store must not be open: this takes its lock.
 * The restored store is encrypted when the archive's store was and `cipher` is given; otherwise plain.
 * The app passes the lock its store held (`heldLock`), so nothing can take the folder between the
 * store closing, the restore and the store opening again; the lock is then left held for that open.
 */
export async function restoreArchive(
  dataDir: string,
  archiveFile: string,
  now: Date = new Date(),
  cipher?: Cipher,
  heldLock?: StoreLock,
): Promise<RestoreOutcome> {
  const verified = await checkRestorable(archiveFile, cipher);
  const shas = new Set<string>();
  await mkdir(dataDir, { recursive: true });
  const layout = storeLayout(dataDir);
  const lock = heldLock ?? (await acquireStoreLock(layout.lock));
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const staging = join(dataDir, `.restore-${stamp}`);
  try {
    await stage(storeLayout(staging), archiveFile, shas, cipher, verified.index.encryptAtRest === true);
    for (const sha of shas) {
      if (!verified.texts.has(sha) || !verified.sources.has(sha)) {
        throw new AppError('unreadable', `The archive cannot be restored: it lacks the text or source of a document (${sha.slice(0, 12)}…). Nothing was changed.`);
      }
    }
    const lacking = [...verified.evidenceNeeded].find((sha) => !verified.evidence.has(sha));
    if (lacking) throw new AppError('unreadable', `The archive cannot be restored: it lacks an evidence file a finding attaches (${lacking.slice(0, 12)}…). Nothing was changed.`);
    const setAsideAs = join('set-aside', `before-restore-${stamp}`);
    await swap(layout, staging, join(dataDir, setAsideAs));
    return { reports: verified.reports, notes: verified.notes, setAsideAs };
  } finally {
    await rm(staging, { recursive: true, force: true });
    if (!heldLock) await lock.release();
  }
}

async function stage(target: StoreLayout, archiveFile: string, reportShas: Set<string>, cipher: Cipher | undefined, encrypted: boolean): Promise<void> {
  for (const folder of [target.reports, target.texts, target.sources, target.evidence, target.notes]) await mkdir(folder, { recursive: true });
  const sealer = encrypted ? cipher : undefined;
  // Texts and sources are never sealed (see the README); the documents that change are, when the store was encrypted.
  const put = (file: string, data: unknown) => {
    const json = Buffer.from(JSON.stringify(data), 'utf8');
    return atomicWrite(file, sealer ? seal(sealer, json) : json);
  };
  for await (const { key, data } of readArchive(archiveFile, cipher)) {
    const [kind, name = ''] = key.split(/:(.*)/s);
    if (kind === 'index') await put(target.index, withEncryption(data as Record<string, unknown>, sealer !== undefined));
    else if (kind === 'report') {
      reportShas.add((data as { report: { sha256: string } }).report.sha256);
      await put(target.report(name), data);
    } else if (kind === 'notes') await put(target.noteShard(Number(name)), data);
    else if (kind === 'text') await atomicWrite(target.text(name), JSON.stringify(data));
    else if (kind === 'source') await atomicWrite(target.source(name), Buffer.from(data as string, 'base64'));
    // Evidence may be the force's own papers: sealed like the documents that change when the store is encrypted.
    else if (kind === 'evidence') {
      const bytes = Buffer.from(data as string, 'base64');
      await atomicWrite(target.evidenceFile(name), sealer ? seal(sealer, bytes) : bytes);
    }
  }
}

/** The index as restored: it records encryption only when the restored files are sealed. */
function withEncryption(index: Record<string, unknown>, on: boolean): Record<string, unknown> {
  const next = { ...index };
  delete next.encryptAtRest;
  return on ? { ...next, encryptAtRest: true } : next;
}

/** The index goes out first and comes back last, so a stop half-way leaves no index naming missing files. */
async function swap(layout: StoreLayout, staging: string, setAside: string): Promise<void> {
  await mkdir(setAside, { recursive: true });
  for (const entry of STORE_ENTRIES) {
    const current = join(layout.dir, entry);
    if (existsSync(current)) await rename(current, join(setAside, entry));
  }
  // Derived files (the report heads, the search index) describe the old store: they go with it and are rebuilt.
  if (existsSync(layout.cache)) await rename(layout.cache, join(setAside, 'cache'));
  for (const entry of [...STORE_ENTRIES].reverse()) await rename(join(staging, entry), join(layout.dir, entry));
}

function describeArchiveProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'the file was not found';
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') return 'the file is not a Liaison Desk archive, or it is damaged (it is not valid gzip)';
  if (error instanceof SyntaxError) return 'the file is damaged (a record is not valid JSON)';
  return (error as Error).message;
}
