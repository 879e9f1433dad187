import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ARCHIVE_FORMAT, readArchive, writeArchive, type ArchiveRecord } from './archive';
import { IndexDoc, NotesShard, ReportDoc, SCHEMA_VERSION, TextDoc } from './schema';
import type { StoreLayout } from './layout';

export interface StoreSnapshot {
  index: IndexDoc;
  reports: ReportDoc[];
  shards: { shard: number; notes: NotesShard }[];
}

function* mutableRecords(snapshot: StoreSnapshot): Generator<ArchiveRecord> {
  yield { key: 'index', data: snapshot.index };
  for (const doc of snapshot.reports) yield { key: `report:${doc.report.id}`, data: doc };
  for (const { shard, notes } of snapshot.shards) yield { key: `notes:${shard}`, data: notes };
}

/**
 * Today's backup of the documents that change. Texts and sources are written once and never
 * rewritten, so they are not copied daily. The backup is read back and validated before it counts.
 */
export async function writeBackup(layout: StoreLayout, snapshot: StoreSnapshot, now: Date): Promise<string> {
  await mkdir(layout.backups, { recursive: true });
  const file = join(layout.backups, `backup-${now.toISOString().slice(0, 10)}.ldarchive`);
  await writeArchive(
    file,
    { format: ARCHIVE_FORMAT, version: 1, schemaVersion: SCHEMA_VERSION, createdAt: now.toISOString(), contents: 'backup' },
    mutableRecords(snapshot),
  );
  try {
    await verifyArchive(file);
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  return file;
}

export async function rotateBackups(layout: StoreLayout, keep: number): Promise<void> {
  const names = (await readdir(layout.backups)).filter((n) => n.startsWith('backup-')).sort();
  for (const name of names.slice(0, Math.max(0, names.length - keep))) await rm(join(layout.backups, name), { force: true });
}

export async function writeFullArchive(layout: StoreLayout, snapshot: StoreSnapshot, file: string, now: Date): Promise<void> {
  async function* records(): AsyncGenerator<ArchiveRecord> {
    yield* mutableRecords(snapshot);
    const shas = new Set(snapshot.reports.map((doc) => doc.report.sha256));
    for (const sha of shas) {
      yield { key: `text:${sha}`, data: JSON.parse(await readFile(layout.text(sha), 'utf8')) };
      yield { key: `source:${sha}`, data: (await readFile(layout.source(sha))).toString('base64') };
    }
  }
  await writeArchive(
    file,
    { format: ARCHIVE_FORMAT, version: 1, schemaVersion: SCHEMA_VERSION, createdAt: now.toISOString(), contents: 'full' },
    records(),
  );
}

export interface VerifiedArchive {
  contents: 'backup' | 'full';
  index: IndexDoc;
  reports: number;
  notes: number;
}

/** Reads every record of an archive and validates it; throws naming the first bad record. */
export async function verifyArchive(file: string): Promise<VerifiedArchive> {
  let contents: 'backup' | 'full' = 'backup';
  let index: IndexDoc | null = null;
  let reports = 0;
  let notes = 0;
  for await (const record of readArchive(file)) {
    const [kind] = record.key.split(':');
    if (record.key === 'header') contents = (record.data as { contents: 'backup' | 'full' }).contents;
    else if (kind === 'index') index = IndexDoc.parse(record.data);
    else if (kind === 'report') {
      ReportDoc.parse(record.data);
      reports++;
    } else if (kind === 'notes') notes += NotesShard.parse(record.data).notes.length;
    else if (kind === 'text') TextDoc.parse(record.data);
    else if (kind !== 'source') throw new Error(`unknown record "${record.key}"`);
  }
  if (!index) throw new Error('the archive has no index');
  return { contents, index, reports, notes };
}
