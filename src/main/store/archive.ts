import { createReadStream, createWriteStream } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { PassThrough, Readable, type Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { z } from 'zod';
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
    else await rename(temp, file);
  } catch (error) {
    gzip.destroy();
    out.destroy();
    await rm(temp, { force: true });
    throw error;
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

async function archiveStream(file: string, cipher: Cipher | undefined): Promise<Readable> {
  if (!(await isSealedFile(file))) return createReadStream(file);
  return Readable.from([unseal(await readFile(file), cipher)]);
}

/**
 * Reads an archive record by record; the first value is the header, checked before anything else.
 * A sealed archive is opened with `cipher` (without one it stops with the encrypted-store error).
 */
export async function* readArchive(file: string, cipher?: Cipher): AsyncGenerator<ArchiveRecord, void, void> {
  const lines = createInterface({ input: (await archiveStream(file, cipher)).pipe(createGunzip()), crlfDelay: Infinity });
  let header: ArchiveHeader | null = null;
  try {
    for await (const line of lines) {
      if (line === '') continue;
      const value: unknown = JSON.parse(line);
      if (!header) {
        const parsed = ArchiveHeader.safeParse(value);
        if (!parsed.success) throw new Error('the file is not a Liaison Desk archive (it does not start with the archive header)');
        header = parsed.data;
        yield { key: 'header', data: header };
        continue;
      }
      const record = value as Partial<ArchiveRecord>;
      if (typeof record.key !== 'string') throw new Error('an archive record has no key');
      yield { key: record.key, data: record.data };
    }
  } finally {
    lines.close();
  }
  if (!header) throw new Error('the archive is empty');
}
