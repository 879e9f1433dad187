import { createReadStream, createWriteStream } from 'node:fs';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { PassThrough, pipeline, Readable, type Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { once } from 'node:events';
import { dirname } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/api/result';
import { atomicWrite } from './atomic-write';
import { isSealed, seal, SEALED_MAGIC, unseal, type Cipher } from './cipher';

/**
 * The store as one file: gzipped JSON lines, a header then one record per document. Daily backups
 * hold the documents that change (index, reports, notes); a full export adds the texts and the
 * source files so the store can move to another laptop.
 */
export const ARCHIVE_FORMAT = 'liaison-desk-archive';

export const ArchiveHeader = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(1),
  schemaVersion: z.number().int().positive(),
  createdAt: z.string(),
  contents: z.enum(['backup', 'full']),
});
export type ArchiveHeader = z.infer<typeof ArchiveHeader>;

export interface ArchiveRecord {
  key: string;
  data: unknown;
}

/**
 * Writes an archive. With a cipher the whole gzip stream is gathered in memory, sealed and written
 * atomically behind SEALED_MAGIC, so no plain copy ever touches the disk.
 */
export async function writeArchive(
  file: string,
  header: ArchiveHeader,
  records: AsyncIterable<ArchiveRecord> | Iterable<ArchiveRecord>,
  cipher?: Cipher,
): Promise<void> {
  const temp = `${file}.partial`;
  const gzip = createGzip({ level: 6 });
  const chunks: Buffer[] = [];
  const out: Writable = cipher ? new PassThrough().on('data', (chunk: Buffer) => chunks.push(chunk)) : createWriteStream(temp);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    gzip.on('error', reject);
  });
  gzip.pipe(out);
  try {
    const put = async (line: unknown) => {
      if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, 'drain');
    };
    await put(header);
    for await (const record of records) await put(record);
    gzip.end();
    await done;
    if (cipher) await atomicWrite(file, seal(cipher, Buffer.concat(chunks)));
    else await settleFile(temp, file);
  } catch (error) {
    gzip.destroy();
    out.destroy();
    await rm(temp, { force: true });
    throw error;
  }
}

/** Makes a finished temp file durable and moves it into place: fsync, rename, fsync the folder (as atomicWrite does). */
export async function settleFile(temp: string, file: string): Promise<void> {
  const handle = await open(temp, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
  if (process.platform === 'win32') return;
  const folder = await open(dirname(file), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

/** Whether an archive file is sealed, from its first bytes. */
export async function isSealedFile(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const start = Buffer.alloc(SEALED_MAGIC.length);
    const { bytesRead } = await handle.read(start, 0, start.length, 0);
    return isSealed(start.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** An archive to read: a file, or its bytes already in memory (a backup checked before it is sealed). */
export type ArchiveSource = string | Buffer;

async function archiveStream(source: ArchiveSource, cipher: Cipher | undefined): Promise<{ stream: Readable; size: number }> {
  if (typeof source === 'string' && !(await isSealedFile(source))) return { stream: createReadStream(source), size: (await stat(source)).size };
  const plain = unseal(typeof source === 'string' ? await readFile(source) : source, cipher);
  return { stream: Readable.from([plain]), size: plain.length };
}

/**
 * What an archive may unpack to. A record is one JSON line: the largest real one is a 64 MB source
 * file in base64 (about 86 MB). The whole archive may inflate to 100 times its packed size (JSON
 * packs about 5–20 to 1; a gzip of zeros packs 1,000 to 1), and never to more than 32 GB.
 */
export const ARCHIVE_LIMITS = {
  maxRecordBytes: 128 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 256 * 1024 * 1024,
  maxInflatedBytes: 32 * 1024 * 1024 * 1024,
};
export type ArchiveLimits = typeof ARCHIVE_LIMITS;

/** An archive that cannot be read as one: the message is for the officer, and no reader ever throws anything else from the stream. */
export class ArchiveDamagedError extends AppError {
  constructor(readonly problem: string) {
    super('unreadable', `This archive is damaged: ${problem}`);
    this.name = 'ArchiveDamagedError';
  }
}

const MB = (bytes: number) => `${Math.round(bytes / (1024 * 1024)).toLocaleString('en-GB')} MB`;

function inflateProblem(error: unknown): ArchiveDamagedError {
  if (error instanceof ArchiveDamagedError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code.startsWith('Z_') || code === 'ERR_ZLIB_INITIALIZATION_FAILED') {
    return new ArchiveDamagedError('it is not valid gzip (it is not a Liaison Desk archive, or it was cut short)');
  }
  return new ArchiveDamagedError((error as Error).message ?? String(error));
}

/**
 * Reads an archive record by record, streaming: one line is held at a time, a line longer than
 * `maxRecordBytes` or a total past the inflation cap stops the read with ArchiveDamagedError
 * before the memory is spent, and every stream error comes out of this generator as a rejection
 * (never from an event handler, where nothing could catch it). The first value is the header,
 * checked before anything else. A sealed archive is opened with `cipher` (without one it stops
 * with the encrypted-store error).
 */
export async function* readArchive(file: ArchiveSource, cipher?: Cipher, limits: ArchiveLimits = ARCHIVE_LIMITS): AsyncGenerator<ArchiveRecord, void, void> {
  const { stream, size } = await archiveStream(file, cipher);
  const cap = Math.min(limits.maxInflatedBytes, Math.max(limits.ratioFloorBytes, size * limits.maxRatio));
  const gunzip = createGunzip();
  const inflated = pipeline(stream, gunzip, () => undefined);
  let header: ArchiveHeader | null = null;
  let total = 0;
  let lineNumber = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;

  const parseLine = (line: Buffer): ArchiveRecord | null => {
    lineNumber++;
    if (line.length === 0) return null;
    let value: unknown;
    try {
      value = JSON.parse(line.toString('utf8'));
    } catch {
      throw new ArchiveDamagedError(`record ${lineNumber} is not valid JSON`);
    }
    if (!header) {
      const parsed = ArchiveHeader.safeParse(value);
      if (!parsed.success) throw new ArchiveDamagedError('the file is not a Liaison Desk archive (it does not start with the archive header)');
      header = parsed.data;
      return { key: 'header', data: header };
    }
    const record = value as Partial<ArchiveRecord> | null;
    if (record === null || typeof record !== 'object' || typeof record.key !== 'string') throw new ArchiveDamagedError(`record ${lineNumber} has no key`);
    // Only the first line is the header; one further down would pass for it with readers that look only at keys.
    if (record.key === 'header') throw new ArchiveDamagedError(`record ${lineNumber} claims to be a second header`);
    return { key: record.key, data: record.data };
  };
  const tooLong = () => new ArchiveDamagedError(`record ${lineNumber + 1} is longer than ${MB(limits.maxRecordBytes)}, more than any real record`);

  try {
    let chunks: AsyncIterator<Buffer>;
    try {
      chunks = inflated[Symbol.asyncIterator]();
    } catch (error) {
      throw inflateProblem(error);
    }
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
      } catch (error) {
        throw inflateProblem(error);
      }
      if (next.done) break;
      const chunk = next.value;
      total += chunk.length;
      if (total > cap) throw new ArchiveDamagedError(`it unpacks to more than ${MB(cap)} (from ${MB(size)}), more than any real store`);
      let start = 0;
      for (;;) {
        const end = chunk.indexOf(10, start);
        const piece = chunk.subarray(start, end < 0 ? chunk.length : end);
        if (pendingBytes + piece.length > limits.maxRecordBytes) throw tooLong();
        if (end < 0) {
          if (piece.length) {
            pending.push(piece);
            pendingBytes += piece.length;
          }
          break;
        }
        const line = pending.length ? Buffer.concat([...pending, piece]) : piece;
        pending = [];
        pendingBytes = 0;
        start = end + 1;
        const record = parseLine(line);
        if (record) yield record;
      }
    }
    if (pendingBytes) {
      const record = parseLine(Buffer.concat(pending));
      if (record) yield record;
    }
  } finally {
    gunzip.destroy();
    stream.destroy();
  }
  if (!header) throw new ArchiveDamagedError('the archive is empty');
}
