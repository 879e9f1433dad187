import { promises as nodeFs } from 'node:fs';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/api/result';
import { isRunning, processStartTime } from './process-identity';
import { openFailure } from './save-failure';

/** What the lock file says about the process that holds the store. */
export interface LockOwner {
  pid: number;
  host: string;
  /** The process's start time (see processStartTime), so a pid reused by another program is not taken for us. */
  started: string | null;
  at: string;
  /** Tells this lock from any other the same process might take later. */
  nonce: string;
}

/** A held lock. `release` removes the file only while it is still ours. */
export interface StoreLock {
  readonly file: string;
  readonly owner: LockOwner;
  release(): Promise<void>;
}

/** The calls the lock makes, so tests can fill the disk or take hard links away. */
export type LockFs = Pick<typeof nodeFs, 'open' | 'link' | 'readFile' | 'rm' | 'stat'>;

/** A lock file younger than this that cannot be read is being written by its owner right now, not left by a crash. */
const FRESH_MS = 10_000;
const RETRY_MS = 50;
const MAX_ATTEMPTS = 60;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const errnoOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? '';

/**
 * Makes sure only one process writes a store. The owner (pid, host, process start time) is written to
 * a private temp file first and then hard-linked into place, so the lock file never exists half
 * written and of two processes exactly one wins. A lock whose owner no longer runs on this computer
 * is broken under a second, short-lived lock, so two processes cannot both break it and both take it.
 * A lock held from another computer (a shared or synced folder) is never broken.
 */
export async function acquireStoreLock(file: string, fs: LockFs = nodeFs): Promise<StoreLock> {
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    started: processStartTime(process.pid),
    at: new Date().toISOString(),
    nonce: randomBytes(8).toString('hex'),
  };
  const temp = `${file}.${process.pid}.${me.nonce}.tmp`;
  await writeOwnerFile(fs, temp, me);
  try {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (await placeLock(fs, temp, file)) return heldLock(fs, file, me);
      const seen = await inspect(fs, file);
      if (!seen) continue; // released between our try and our look: try again at once
      const verdict = judge(seen, me);
      if (verdict.kind === 'held') throw heldError(file, verdict.owner, me);
      if (verdict.kind === 'wait') {
        await sleep(RETRY_MS);
        continue;
      }
      await breakStaleLock(fs, file, seen);
    }
    throw new AppError(
      'forbidden',
      `Could not take the data folder's lock (${file}): another process keeps taking it. Close other Liaison Desk windows and commands and try again.`,
    );
  } finally {
    await fs.rm(temp, { force: true }).catch(() => undefined);
  }
}

async function writeOwnerFile(fs: LockFs, temp: string, owner: LockOwner): Promise<void> {
  let handle: Awaited<ReturnType<LockFs['open']>> | null = null;
  try {
    handle = await fs.open(temp, 'wx');
    await handle.writeFile(JSON.stringify(owner));
    await handle.sync();
  } catch (error) {
    await handle?.close().catch(() => undefined);
    handle = null;
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw openFailure(error);
  } finally {
    await handle?.close();
  }
}

/**
 * Links the complete owner file into place: atomic, and it fails if a lock exists. On a file system
 * without hard links (some USB sticks and network shares) the lock is created exclusively and
 * filled instead; a reader then treats an unreadable lock as fresh until FRESH_MS has passed.
 */
async function placeLock(fs: LockFs, temp: string, file: string): Promise<boolean> {
  try {
    await fs.link(temp, file);
    return true;
  } catch (error) {
    const code = errnoOf(error);
    if (code === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(code)) throw openFailure(error);
  }
  let handle: Awaited<ReturnType<LockFs['open']>> | null = null;
  try {
    handle = await fs.open(file, 'wx');
  } catch (error) {
    if (errnoOf(error) === 'EEXIST') return false;
    throw openFailure(error);
  }
  try {
    await handle.writeFile(await fs.readFile(temp));
    await handle.sync();
    await handle.close();
    handle = null;
    return true;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(file, { force: true }).catch(() => undefined);
    throw openFailure(error);
  }
}

interface Seen {
  owner: LockOwner | null;
  ino: number;
  ageMs: number;
  text: string;
}

async function inspect(fs: LockFs, file: string): Promise<Seen | null> {
  try {
    const stat = await fs.stat(file);
    const text = await fs.readFile(file, 'utf8');
    return { owner: parseOwner(text), ino: stat.ino, ageMs: Date.now() - stat.mtimeMs, text };
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return null;
    throw openFailure(error);
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return null;
    return { pid: value.pid, host: value.host, started: typeof value.started === 'string' ? value.started : null, at: String(value.at ?? ''), nonce: String(value.nonce ?? '') };
  } catch {
    return null;
  }
}

type Verdict = { kind: 'held'; owner: LockOwner } | { kind: 'wait' } | { kind: 'stale' };

/** Whether the lock's owner still holds the store. Anything uncertain counts as held: a wrong "stale" loses data, a wrong "held" only asks the officer to check. */
export function judge(seen: Pick<Seen, 'owner' | 'ageMs'>, me: Pick<LockOwner, 'host'>): Verdict {
  const { owner } = seen;
  if (!owner) return seen.ageMs < FRESH_MS ? { kind: 'wait' } : { kind: 'stale' };
  if (owner.host !== me.host) return { kind: 'held', owner };
  if (!isRunning(owner.pid)) return { kind: 'stale' };
  if (owner.started === null) return { kind: 'held', owner };
  const now = processStartTime(owner.pid);
  // The pid runs, but as a different process than the one that took the lock: it was reused.
  if (now !== null && now !== owner.started) return { kind: 'stale' };
  return { kind: 'held', owner };
}

function heldError(file: string, owner: LockOwner, me: LockOwner): AppError {
  if (owner.host !== me.host) {
    return new AppError(
      'forbidden',
      `The data folder is open in Liaison Desk on another computer ("${owner.host}", pid ${owner.pid}) — it is in a shared or synced folder. ` +
        `Close Liaison Desk there first. If it is not running there any more, delete the file ${file} and try again.`,
    );
  }
  const self = owner.pid === me.pid ? ' (this same process)' : '';
  return new AppError(
    'forbidden',
    `The data folder is already open in another Liaison Desk process (pid ${owner.pid})${self}. Close it first. ` +
      `If no Liaison Desk window or command is running, delete the file ${file} and try again.`,
  );
}

/**
 * Removes a stale lock, holding `<lock>.break` meanwhile so that only one process at a time judges
 * and removes: the lock is removed only if it is still the very file that was judged stale.
 */
async function breakStaleLock(fs: LockFs, file: string, seen: Seen): Promise<void> {
  const breaker = `${file}.break`;
  let handle: Awaited<ReturnType<LockFs['open']>>;
  try {
    handle = await fs.open(breaker, 'wx');
  } catch (error) {
    if (errnoOf(error) !== 'EEXIST') throw openFailure(error);
    // Another process is breaking the lock; a breaker left by a crash is cleared once it is old.
    const age = await fs.stat(breaker).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (age > FRESH_MS) await fs.rm(breaker, { force: true });
    else await sleep(RETRY_MS);
    return;
  }
  try {
    await handle.close();
    const now = await inspect(fs, file);
    if (now && now.ino === seen.ino && now.text === seen.text) await fs.rm(file, { force: true });
  } finally {
    await fs.rm(breaker, { force: true });
  }
}

function heldLock(fs: LockFs, file: string, owner: LockOwner): StoreLock {
  let released = false;
  return {
    file,
    owner,
    async release() {
      if (released) return;
      released = true;
      const text = await fs.readFile(file, 'utf8').catch(() => null);
      if (text !== null && parseOwner(text)?.nonce === owner.nonce) await fs.rm(file, { force: true });
    },
  };
}
