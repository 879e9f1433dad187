import { webcrypto } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { closeSync, openSync, readSync } from 'node:fs';
import { atomicWrite, type WriteFs } from '../store/atomic-write';
import { isSealed, seal, unseal, type Cipher } from '../store/cipher';

/**
 * A persisted search index: named binary sections (typed arrays), each with its sha256, behind a small
 * JSON header, and optionally a tail read piece by piece (never into memory). Written atomically; read
 * back only if the magic, the format and every hash match, so a damaged file is never trusted. With a
 * cipher the whole file is sealed, and there is no tail.
 *
 *   "LDSEARCH" · u32 format · u32 header length · header JSON · sections (each padded to 4 bytes) · tail
 */
const MAGIC = Buffer.from('LDSEARCH', 'ascii');
export const INDEX_FILE_FORMAT = 1;

export interface IndexFileContents {
  meta: Record<string, unknown>;
  sections: Record<string, Uint8Array>;
  tail?: Uint8Array;
}

interface Header {
  meta: Record<string, unknown>;
  sections: { name: string; length: number; sha256: string }[];
  tail: number;
  littleEndian: boolean;
}

const padded = (n: number) => (n + 3) & ~3;

/**
 * A section's sha256, worked out in the thread pool (WebCrypto), so the tens of megabytes of an index of
 * thousands of reports are checked beside the calls the main thread answers, and the sections in parallel.
 */
async function sha256OffThread(bytes: Uint8Array): Promise<string> {
  return Buffer.from(await webcrypto.subtle.digest('SHA-256', bytes)).toString('hex');
}

export async function writeIndexFile(file: string, contents: IndexFileContents, cipher?: Cipher, fs?: WriteFs): Promise<void> {
  const names = Object.keys(contents.sections);
  const tail = cipher ? undefined : contents.tail;
  const header: Header = {
    meta: contents.meta,
    sections: await Promise.all(names.map(async (name) => ({ name, length: contents.sections[name]!.byteLength, sha256: await sha256OffThread(contents.sections[name]!) }))),
    tail: tail?.byteLength ?? 0,
    littleEndian: new Uint8Array(new Uint16Array([1]).buffer)[0] === 1,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const start = padded(16 + headerBytes.length);
  const total = start + names.reduce((n, name) => n + padded(contents.sections[name]!.byteLength), 0) + (tail?.byteLength ?? 0);
  const out = Buffer.alloc(total);
  MAGIC.copy(out, 0);
  out.writeUInt32LE(INDEX_FILE_FORMAT, 8);
  out.writeUInt32LE(headerBytes.length, 12);
  headerBytes.copy(out, 16);
  let at = start;
  for (const name of names) {
    const section = contents.sections[name]!;
    out.set(new Uint8Array(section.buffer, section.byteOffset, section.byteLength), at);
    at += padded(section.byteLength);
  }
  if (tail) out.set(tail, at);
  await mkdir(dirname(file), { recursive: true });
  await atomicWrite(file, cipher ? seal(cipher, out) : out, fs);
}

/** A tail kept on disk: `read` returns its bytes from `offset`, `close` lets the file go. */
export interface IndexFileTail {
  length: number;
  read(offset: number, length: number): Uint8Array | null;
  close(): void;
}

export interface IndexFile {
  meta: Record<string, unknown>;
  sections: Record<string, Uint8Array>;
  tail: IndexFileTail | null;
}

/** The file's sections, or null if it is missing, damaged, of another format, or sealed with another key. */
export async function readIndexFile(file: string, cipher?: Cipher): Promise<IndexFile | null> {
  try {
    const handle = await open(file, 'r');
    let head: Buffer;
    try {
      head = Buffer.alloc(16);
      await handle.read(head, 0, 16, 0);
    } finally {
      await handle.close();
    }
    if (isSealed(head)) return await parse(unseal(await readFile(file), cipher), null);
    if (!head.subarray(0, 8).equals(MAGIC) || head.readUInt32LE(8) !== INDEX_FILE_FORMAT) return null;
    // Everything but the tail in one read; the tail stays on disk.
    const headerLength = head.readUInt32LE(12);
    const headerBytes = Buffer.alloc(headerLength);
    const again = await open(file, 'r');
    try {
      await again.read(headerBytes, 0, headerLength, 16);
      const header = JSON.parse(headerBytes.toString('utf8')) as Header;
      const start = padded(16 + headerLength);
      const body = header.sections.reduce((n, s) => n + padded(s.length), 0);
      const bytes = Buffer.alloc(start + body);
      const { bytesRead } = await again.read(bytes, 0, bytes.length, 0);
      if (bytesRead !== bytes.length) return null;
      return await parse(bytes, { file, offset: start + body, length: header.tail });
    } finally {
      await again.close();
    }
  } catch {
    return null;
  }
}

async function parse(read: Buffer, tailAt: { file: string; offset: number; length: number } | null): Promise<IndexFile | null> {
  // Typed arrays need 4-byte alignment; a decrypted buffer may start anywhere.
  const bytes = read.byteOffset % 4 === 0 ? read : Buffer.from(new Uint8Array(read).buffer);
  if (!bytes.subarray(0, 8).equals(MAGIC) || bytes.readUInt32LE(8) !== INDEX_FILE_FORMAT) return null;
  const headerLength = bytes.readUInt32LE(12);
  const header = JSON.parse(bytes.subarray(16, 16 + headerLength).toString('utf8')) as Header;
  if (header.littleEndian !== (new Uint8Array(new Uint16Array([1]).buffer)[0] === 1)) return null;
  const sections: Record<string, Uint8Array> = {};
  const checks: Promise<boolean>[] = [];
  let at = padded(16 + headerLength);
  for (const { name, length, sha256: expected } of header.sections) {
    if (at + length > bytes.length) return null;
    const section = new Uint8Array(bytes.buffer, bytes.byteOffset + at, length);
    checks.push(sha256OffThread(section).then((actual) => actual === expected));
    sections[name] = section;
    at += padded(length);
  }
  if (!(await Promise.all(checks)).every(Boolean)) return null;
  return { meta: header.meta, sections, tail: tailAt && tailAt.length > 0 ? openTail(tailAt.file, tailAt.offset, tailAt.length) : null };
}

function openTail(file: string, start: number, length: number): IndexFileTail {
  let fd: number | null = openSync(file, 'r');
  return {
    length,
    read(offset, size) {
      if (fd === null || offset < 0 || offset + size > length) return null;
      const out = new Uint8Array(size);
      return readSync(fd, out, 0, size, start + offset) === size ? out : null;
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}

/** A typed array over a section's bytes (sections are 4-byte aligned in the file and in memory). */
export function u32(section: Uint8Array | undefined): Uint32Array {
  if (!section || section.byteLength % 4 !== 0 || section.byteOffset % 4 !== 0) throw new Error('a section is missing or misaligned');
  return new Uint32Array(section.buffer, section.byteOffset, section.byteLength / 4);
}

export function bytesOf(array: Uint8Array | Uint32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}
