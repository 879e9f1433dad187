import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { atomicWrite, type WriteFs } from './atomic-write';

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

/**
 * lowdb's adapter for one JSON document, made durable. lowdb's own JSONFile writes through steno,
 * which renames a temp file but never fsyncs it, so a power cut can leave an empty file; this one
 * fsyncs, retries a held rename with backoff, and validates what it reads.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    private readonly validate: (data: unknown) => T,
    private readonly fs?: WriteFs,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
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

  write(data: T): Promise<void> {
    return atomicWrite(this.file, JSON.stringify(data), this.fs);
  }
}

function summarise(error: unknown): string {
  const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
  if (!issues?.length) return (error as Error).message;
  const first = issues[0]!;
  const more = issues.length > 1 ? ` and ${issues.length - 1} more` : '';
  return `${first.path.map(String).join('.') || 'root'}: ${first.message}${more}`;
}
