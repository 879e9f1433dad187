import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import { MAX_EVIDENCE_BYTES } from '../../shared/domain/evidence-limits';
import { IMPORT_LIMITS } from '../ingest/limits';
import { MAX_LOGO_BYTES, prepareLogo } from '../services/force-logo';
import { TextDoc } from '../store/schema';
import type { Store } from '../store/repository';
import { checkEvidenceFile } from '../tracking/evidence-file';
import type { FlatDoc } from './flat';
import type { UnitKind } from './units';

/**
 * The files the shared documents stand for travel with them as CouchDB attachments: a report's source
 * file and its text on the report's document, each other version's on that version's record, an
 * evidence file on its record, the force's logo on the team settings. Each attachment is named by the
 * file's sha256, so a document whose file changes (a replaced report) carries the new one. On arrival
 * each file is checked as the app checks one of its own (the fingerprint, the size limits, what an
 * evidence file or a logo really is) and stored by its sha256 exactly where a local one would be.
 */
export type FileRole = 'source' | 'evidence' | 'logo';

export interface FileRef {
  sha256: string;
  role: FileRole;
  /** A source file's extracted text goes with it. */
  withText: boolean;
  /** An evidence file's or logo's own name, for the checks' messages. */
  name: string;
}

/** Where the values of a document are read from: a flat document's fields or a team document's stamps. */
export type ValueOf = (path: string) => unknown;

const sha = (v: unknown): string | null => (typeof v === 'string' && /^[0-9a-f]{64}$/.test(v) ? v : null);

export const VERSIONS_KIND = 'report.versions';
export const EVIDENCE_KIND = 'findings/tracking.attachments';

/** The files one document stands for. */
export function fileRefs(unitKind: UnitKind, kind: string, value: ValueOf): FileRef[] {
  if (unitKind === 'report' && (kind === '' || kind === VERSIONS_KIND)) {
    const s = sha(value(kind === '' ? 'report.sha256' : 'sha256'));
    const name = String(value(kind === '' ? 'report.fileName' : 'fileName') ?? 'the report');
    return s ? [{ sha256: s, role: 'source', withText: true, name }] : [];
  }
  if (unitKind === 'report' && kind === EVIDENCE_KIND) {
    const s = sha(value('sha256'));
    return s ? [{ sha256: s, role: 'evidence', withText: false, name: String(value('name') ?? 'evidence') }] : [];
  }
  if (unitKind === 'index' && kind === '') {
    const logo = value('settings.logo') as { sha256?: unknown; fileName?: unknown } | null | undefined;
    const s = sha(logo?.sha256);
    return s ? [{ sha256: s, role: 'logo', withText: false, name: String(logo?.fileName ?? 'the logo') }] : [];
  }
  return [];
}

/** Every file a unit's documents stand for. */
export function refsOf(unitKind: UnitKind, docs: Iterable<FlatDoc>): FileRef[] {
  return [...docs].flatMap((doc) => fileRefs(unitKind, doc.kind, (path) => doc.fields[path]));
}

/**
 * Files the team's change stopped using here (an evidence file taken off, a version removed, another logo):
 * an evidence file goes at once if nothing else attaches it; a source file when the store closes, if
 * nothing uses it by then (as when the officer removes one).
 */
export async function letGo(store: Store, unitKind: UnitKind, before: Iterable<FlatDoc>, after: Iterable<FlatDoc>): Promise<void> {
  const kept = new Set(refsOf(unitKind, after).map((r) => r.sha256));
  for (const ref of refsOf(unitKind, before)) {
    if (kept.has(ref.sha256)) continue;
    if (ref.role === 'evidence') await store.removeEvidenceIfUnused(ref.sha256);
    else store.forgetFile(ref.sha256);
  }
}

export const fileName = (ref: FileRef) => `file-${ref.sha256}`;
export const textName = (ref: FileRef) => `text-${ref.sha256}`;
export const attachmentNames = (ref: FileRef): string[] => (ref.withText ? [fileName(ref), textName(ref)] : [fileName(ref)]);

const gzipAsync = promisify(gzip);
const GZIP = 'application/gzip';
const PLAIN = 'application/octet-stream';

export interface OutgoingAttachment {
  content_type: string;
  /** Base64: PouchDB hashes a new revision from the document's JSON, and a Buffer would be written out byte by byte. */
  data: string;
}

/**
 * Compressed when that saves a tenth or more (texts, HTML and text reports do; PDFs and images hardly),
 * on the thread pool, so a first upload's merging goes on meanwhile.
 */
export async function pack(bytes: Buffer): Promise<OutgoingAttachment> {
  const zipped = await gzipAsync(bytes, { level: 1 });
  return zipped.length <= bytes.length * 0.9 ? { content_type: GZIP, data: zipped.toString('base64') } : { content_type: PLAIN, data: bytes.toString('base64') };
}

/** The file's bytes back, refusing more than `limit` once unpacked (a small attachment that inflates to gigabytes). */
export function unpack(attachment: { content_type?: string; data?: unknown }, limit: number): Buffer {
  const data = attachment.data;
  const bytes = Buffer.isBuffer(data) ? data : typeof data === 'string' ? Buffer.from(data, 'base64') : data instanceof Uint8Array ? Buffer.from(data) : null;
  if (!bytes) throw new Error('the attachment holds no data');
  if (attachment.content_type !== GZIP) {
    if (bytes.length > limit) throw new Error(`it is larger than ${Math.round(limit / 1048576)} MB`);
    return bytes;
  }
  try {
    return gunzipSync(bytes, { maxOutputLength: limit });
  } catch (error) {
    throw new Error((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? `it is larger than ${Math.round(limit / 1048576)} MB unpacked` : 'it is damaged');
  }
}

/** Whether this computer already holds the file (and its text). */
export function isStored(store: Store, ref: FileRef): boolean {
  if (ref.role === 'evidence') return existsSync(store.layout.evidenceFile(ref.sha256));
  return existsSync(store.layout.source(ref.sha256)) && (!ref.withText || existsSync(store.layout.text(ref.sha256)));
}

/** Reads a file this computer holds, as the attachments to send (none if it is missing here). */
export async function readForTeam(store: Store, ref: FileRef): Promise<Record<string, OutgoingAttachment>> {
  try {
    if (ref.role === 'evidence') return { [fileName(ref)]: await pack(await store.readEvidence(ref.sha256)) };
    const source = await store.readSource(ref.sha256);
    if (!ref.withText) return { [fileName(ref)]: await pack(source) };
    const [file, text] = await Promise.all([pack(source), textBytes(store, ref.sha256).then(pack)]);
    return { [fileName(ref)]: file, [textName(ref)]: text };
  } catch {
    return {};
  }
}

/**
 * A text as the store keeps it (JSON): sent as it is rather than parsed and written out again, since the
 * receiver checks it anyway; through the store's own reader when the file is not plain here.
 */
async function textBytes(store: Store, sha256: string): Promise<Buffer> {
  const raw = await readFile(store.layout.text(sha256)).catch(() => null);
  if (raw && raw[0] === 0x7b) return raw;
  return Buffer.from(JSON.stringify(await store.readText(sha256)));
}

/** The largest extracted text taken from the team (a 64 MB file gives far less; this only stops an attachment that inflates without end). */
const MAX_TEXT_BYTES = 256 * 1024 * 1024;

const fingerprint = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Checks a file that arrived from the team and stores it as the app stores its own; throws with the
 * reason in words (the file is then not stored).
 */
export async function storeArrived(store: Store, ref: FileRef, attachments: Record<string, { content_type?: string; data?: unknown }>): Promise<void> {
  const file = attachments[fileName(ref)];
  if (!file) throw new Error('its file has not arrived');
  const limit = ref.role === 'evidence' ? MAX_EVIDENCE_BYTES : ref.role === 'logo' ? MAX_LOGO_BYTES : IMPORT_LIMITS.maxFileBytes;
  const bytes = unpack(file, limit);
  if (fingerprint(bytes) !== ref.sha256) throw new Error('its file does not match its fingerprint (sha256)');
  if (ref.role === 'evidence') {
    checkEvidenceFile(ref.name, bytes);
    await store.putEvidence(bytes);
    return;
  }
  if (ref.role === 'logo') {
    const prepared = prepareLogo(ref.name, bytes);
    if (fingerprint(prepared.bytes) !== ref.sha256) throw new Error('it is not a PNG or JPEG logo as the app stores one');
    await store.putSourceFile({ sha256: ref.sha256, text: '', pages: [] }, bytes);
    return;
  }
  const textAttachment = attachments[textName(ref)];
  if (!textAttachment) throw new Error('its text has not arrived');
  let text: TextDoc;
  try {
    text = TextDoc.parse(JSON.parse(unpack(textAttachment, MAX_TEXT_BYTES).toString('utf8')));
  } catch (error) {
    throw new Error(`its text cannot be read (${(error as Error).message.split('\n')[0]})`);
  }
  if (text.sha256 !== ref.sha256) throw new Error('its text belongs to another file');
  await store.putSourceFile(text, bytes);
}
