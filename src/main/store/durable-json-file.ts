import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { atomicWrite, type WriteFs } from './atomic-write';
import { isSealed, seal, unseal, UndecryptableError, type Sealing } from './cipher';

/** A file that exists but cannot be used: it does not parse, or it fails validation. */
export class DamagedFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'DamagedFileError';
  }
}

/** A sealed file the store's cipher could not open: damaged, or sealed with another account's key. */
export class UndecryptableFileError extends DamagedFileError {}

/**
 * lowdb's adapter for one JSON document, made durable. lowdb's own JSONFile writes through steno,
 * which renames a temp file but never fsyncs it, so a power cut can leave an empty file; this one
 * fsyncs, retries a held rename with backoff, and validates what it reads. With `sealing` it writes
 * encrypted files while sealing is on, and reads plain and encrypted files alike.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  /** Whether the file was encrypted when last read or written (null: it did not exist). */
  sealedOnDisk: boolean | null = null;

  constructor(
    readonly file: string,
    private readonly validate: (data: unknown) => T,
    private readonly fs?: WriteFs,
    private readonly sealing?: Sealing,
  ) {}

  async read(): Promise<T | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    this.sealedOnDisk = isSealed(bytes);
    let text: string;
    try {
      text = unseal(bytes, this.sealing?.cipher).toString('utf8');
    } catch (error) {
      if (error instanceof UndecryptableError) throw new UndecryptableFileError(this.file, error.message);
      throw error;
    }
    if (text.trim() === '') throw new DamagedFileError(this.file, 'the file is empty');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new DamagedFileError(this.file, `the file is not valid JSON (${(error as Error).message})`);
    }
    try {
      return this.validate(parsed);
    } catch (error) {
      throw new DamagedFileError(this.file, `the file does not match the store's schema (${summarise(error)})`);
    }
  }

  async write(data: T): Promise<void> {
    const json = Buffer.from(JSON.stringify(data), 'utf8');
    const cipher = this.sealing?.on ? this.sealing.cipher : undefined;
    await atomicWrite(this.file, cipher ? seal(cipher, json) : json, this.fs);
    this.sealedOnDisk = cipher !== undefined;
  }
}

function summarise(error: unknown): string {
  const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
  if (!issues?.length) return (error as Error).message;
  const first = issues[0]!;
  const more = issues.length > 1 ? ` and ${issues.length - 1} more` : '';
  return `${first.path.map(String).join('.') || 'root'}: ${first.message}${more}`;
}
