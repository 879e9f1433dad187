import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { listBackups } from './recovery';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { ARCHIVE_FORMAT, type ArchiveSource, isSealedFile, readArchive, writeArchive, type ArchiveHeader, type ArchiveRecord } from './archive';
import { atomicWrite, type WriteFs } from './atomic-write';
import { seal, unseal, UndecryptableError, type Cipher } from './cipher';
import { IndexDoc, NotesShard, ReportDoc, SCHEMA_VERSION, TextDoc } from './schema';
import { noteShardOf, NOTE_SHARDS, type StoreLayout } from './layout';

export interface StoreSnapshot {
  index: IndexDoc;
  reports: ReportDoc[];
  shards: { shard: number; notes: NotesShard }[];
}

export function* mutableRecords(snapshot: StoreSnapshot): Generator<ArchiveRecord> {
  yield { key: 'index', data: snapshot.index };
  for (const doc of snapshot.reports) yield { key: `report:${doc.report.id}`, data: doc };
  for (const { shard, notes } of snapshot.shards) yield { key: `notes:${shard}`, data: notes };
}

/**
 * Today's backup of the documents that change. Texts and sources are written once and never
 * rewritten, so they are not copied daily. The backup is read back and validated before it counts.
 * With a cipher (an encrypted store) it is sealed.
 */
export async function writeBackup(layout: StoreLayout, snapshot: StoreSnapshot, now: Date, cipher?: Cipher, keepExisting = false): Promise<string> {
  await mkdir(layout.backups, { recursive: true });
  const file = backupFileFor(layout, now, keepExisting);
  await writeArchive(
    file,
    { format: ARCHIVE_FORMAT, version: 1, schemaVersion: SCHEMA_VERSION, createdAt: now.toISOString(), contents: 'backup' },
    mutableRecords(snapshot),
    cipher,
  );
  try {
    await verifyArchive(file, cipher);
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  return file;
}

/**
 * Today's backup file. With `keepExisting` (the store lost data at open) an existing backup of today is
 * never overwritten: the new one gets the time in its name.
 */
export function backupFileFor(layout: StoreLayout, now: Date, keepExisting: boolean): string {
  const iso = now.toISOString();
  const daily = join(layout.backups, `backup-${iso.slice(0, 10)}.ldarchive`);
  if (!keepExisting || !existsSync(daily)) return daily;
  return join(layout.backups, `backup-${iso.slice(0, 10)}-${iso.slice(11, 19).replace(/:/g, '')}.ldarchive`);
}

/** Keeps the `keep` best backups (see listBackups: by the time inside, the future and the unreadable ones first to go). */
export async function rotateBackups(layout: StoreLayout, keep: number, cipher?: Cipher, now: Date = new Date()): Promise<void> {
  const ordered = await listBackups(layout, cipher, now);
  for (const { file } of ordered.slice(keep)) await rm(file, { force: true });
}

/** The sha256 of every evidence file the reports' findings attach. */
export const evidenceShas = (reports: readonly ReportDoc[]): Set<string> =>
  new Set(reports.flatMap((doc) => doc.findings.flatMap((f) => f.tracking.attachments.map((a) => a.sha256))));

/**
 * The whole store in one archive; sealed when a cipher is given. Evidence files go in as they were
 * attached: `storeCipher` opens those an encrypted store keeps sealed.
 */
export async function writeFullArchive(layout: StoreLayout, snapshot: StoreSnapshot, file: string, now: Date, cipher?: Cipher, storeCipher?: Cipher): Promise<void> {
  async function* records(): AsyncGenerator<ArchiveRecord> {
    yield* mutableRecords(snapshot);
    // Each report's main file and its other versions, with their texts.
    const shas = new Set(snapshot.reports.flatMap((doc) => [doc.report.sha256, ...(doc.report.versions ?? []).map((v) => v.sha256)]));
    for (const sha of shas) {
      yield { key: `text:${sha}`, data: JSON.parse(await readFile(layout.text(sha), 'utf8')) };
      yield { key: `source:${sha}`, data: (await readFile(layout.source(sha))).toString('base64') };
    }
    for (const sha of evidenceShas(snapshot.reports)) {
      yield { key: `evidence:${sha}`, data: unseal(await readFile(layout.evidenceFile(sha)), storeCipher).toString('base64') };
    }
    // The force's logo (settings.logo) is a source file with no text.
    const logo = snapshot.index.settings.logo?.sha256;
    if (logo && !shas.has(logo)) yield { key: `source:${logo}`, data: (await readFile(layout.source(logo))).toString('base64') };
  }
  await writeArchive(
    file,
    { format: ARCHIVE_FORMAT, version: 1, schemaVersion: SCHEMA_VERSION, createdAt: now.toISOString(), contents: 'full' },
    records(),
    cipher,
  );
}

/**
 * Rewrites each backup whose form (sealed or plain) is not `sealed`, one file at a time through an
 * atomic write. A backup that cannot be decrypted is left as it is: it is no use either way, and
 * recovery skips it.
 */
export async function convertBackups(layout: StoreLayout, sealed: boolean, cipher: Cipher, fs?: WriteFs): Promise<void> {
  const names = await readdir(layout.backups).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith('backup-') && n.endsWith('.ldarchive'))) {
    const file = join(layout.backups, name);
    if ((await isSealedFile(file)) === sealed) continue;
    let plain: Buffer;
    try {
      plain = unseal(await readFile(file), cipher);
    } catch (error) {
      if (error instanceof UndecryptableError) continue;
      throw error;
    }
    await atomicWrite(file, sealed ? seal(cipher, plain) : plain, fs);
  }
}

export interface VerifiedArchive {
  contents: 'backup' | 'full';
  schemaVersion: number;
  index: IndexDoc;
  reports: number;
  notes: number;
  /** The sha256 of every text and every source file the archive holds (a full export has both for each report). */
  texts: Set<string>;
  sources: Set<string>;
  /** The sha256 of every evidence file it holds, and of every one its findings attach. */
  evidence: Set<string>;
  evidenceNeeded: Set<string>;
}

const SHA256 = /^[0-9a-f]{64}$/;

function parseRecord<T>(key: string, schema: { safeParse(data: unknown): { success: true; data: T } | { success: false; error: z.ZodError } }, data: unknown): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first ? `${first.path.map(String).join('.') || 'root'}: ${first.message}` : parsed.error.message;
  throw new Error(`the record ${key} does not match the store's schema (${where})`);
}

/**
 * Reads every record of an archive and validates it; throws naming the first bad record. Besides the
 * schemas it checks what a restore relies on: a format this version can read, keys that match their
 * contents (so no record can name a file outside the store), notes in the shard their id belongs to,
 * and every source file's sha256.
 */
export async function verifyArchive(file: ArchiveSource, cipher?: Cipher): Promise<VerifiedArchive> {
  let header: ArchiveHeader | null = null;
  let index: IndexDoc | null = null;
  const reportIds = new Set<string>();
  let notes = 0;
  const texts = new Set<string>();
  const sources = new Set<string>();
  const evidence = new Set<string>();
  const evidenceNeeded = new Set<string>();
  const shards = new Set<number>();
  for await (const { key, data } of readArchive(file, cipher)) {
    const [kind, name = ''] = key.split(/:(.*)/s);
    if (key === 'header') {
      header = data as ArchiveHeader;
      if (header.schemaVersion > SCHEMA_VERSION) {
        throw new Error(`the archive was written by a newer version of Liaison Desk (format ${header.schemaVersion}; this version reads up to ${SCHEMA_VERSION})`);
      }
    } else if (kind === 'index') {
      if (index) throw new Error('the archive holds two indexes');
      index = parseRecord(key, IndexDoc, data);
    } else if (kind === 'report') {
      const doc = parseRecord(key, ReportDoc, data);
      if (doc.report.id !== name || reportIds.has(name)) throw new Error(`the record ${key} holds report ${doc.report.id}, or repeats one`);
      reportIds.add(name);
      for (const sha of evidenceShas([doc])) evidenceNeeded.add(sha);
    } else if (kind === 'notes') {
      const shard = Number(name);
      if (!/^\d+$/.test(name) || shard >= NOTE_SHARDS || shards.has(shard)) throw new Error(`the record ${key} names no notes file`);
      shards.add(shard);
      const shardNotes = parseRecord(key, NotesShard, data).notes;
      const misplaced = shardNotes.find((note) => noteShardOf(note.id) !== shard);
      if (misplaced) throw new Error(`the record ${key} holds note ${misplaced.id}, which belongs in another file`);
      notes += shardNotes.length;
    } else if (kind === 'text') {
      if (!SHA256.test(name) || parseRecord(key, TextDoc, data).sha256 !== name) throw new Error(`the record ${key} holds the text of another file`);
      texts.add(name);
    } else if (kind === 'source') {
      if (!SHA256.test(name) || typeof data !== 'string') throw new Error(`the record ${key} is not a source file`);
      const actual = createHash('sha256').update(Buffer.from(data, 'base64')).digest('hex');
      if (actual !== name) throw new Error(`the source file ${name.slice(0, 12)}… is damaged (its sha256 is ${actual.slice(0, 12)}…)`);
      sources.add(name);
    } else if (kind === 'evidence') {
      if (!SHA256.test(name) || typeof data !== 'string') throw new Error(`the record ${key} is not an evidence file`);
      const actual = createHash('sha256').update(Buffer.from(data, 'base64')).digest('hex');
      if (actual !== name) throw new Error(`the evidence file ${name.slice(0, 12)}… is damaged (its sha256 is ${actual.slice(0, 12)}…)`);
      evidence.add(name);
    } else throw new Error(`unknown record "${key}"`);
  }
  if (!header || !index) throw new Error('the archive has no index');
  const unnamed = [...reportIds].find((id) => !index.reportIds.includes(id));
  if (unnamed) throw new Error(`the archive holds report ${unnamed}, which its index does not name`);
  return { contents: header.contents, schemaVersion: header.schemaVersion, index, reports: reportIds.size, notes, texts, sources, evidence, evidenceNeeded };
}
