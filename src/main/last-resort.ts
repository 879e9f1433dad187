import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface LastResortOptions {
  /** The data folder: errors are appended to logs/errors.log inside it. */
  dataDir: string;
  /** Tells the officer, in the entry point's own way (stderr, a dialog). */
  tell(message: string): void;
  /** The CLI stops after telling; the desktop app and the browser host keep running. */
  exit?: boolean;
}

/** Where the last-resort handler writes. */
export const errorLogFile = (dataDir: string) => join(dataDir, 'logs', 'errors.log');

/**
 * The handler for an error nothing else caught (a throw inside a stream or timer callback, an
 * unhandled rejection). It writes the details to logs/errors.log and tells the officer. The store is
 * not touched: every save is atomic and the in-memory copy changes only after the disk has it, so
 * what is stored is whole whatever was running; the desktop app and the browser host keep serving,
 * and the CLI stops with exit code 1 (its lock is taken over at the next start, its process gone).
 * Returns the function that removes the handler.
 */
export function installLastResort({ dataDir, tell, exit = false }: LastResortOptions): () => void {
  const log = errorLogFile(dataDir);
  let handling = false;
  const handler = (error: unknown) => {
    // An error while handling an error must not loop.
    if (handling) return;
    handling = true;
    try {
      const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
      let where = log;
      try {
        mkdirSync(join(dataDir, 'logs'), { recursive: true });
        appendFileSync(log, `${new Date().toISOString()} ${detail}\n\n`);
      } catch {
        where = 'the terminal (the log file could not be written)';
        process.stderr.write(`${detail}\n`);
      }
      const summary = error instanceof Error ? error.message : String(error);
      tell(
        `Liaison Desk met an unexpected error (${summary.slice(0, 200)}). Your stored data is safe: nothing saved was changed or lost. ` +
          `${exit ? 'The command stopped; run it again.' : 'You can carry on; if something looks wrong, restart the app.'} The details are in ${where}.`,
      );
    } finally {
      handling = false;
      if (exit) process.exit(1);
    }
  };
  process.on('uncaughtException', handler);
  process.on('unhandledRejection', handler);
  return () => {
    process.off('uncaughtException', handler);
    process.off('unhandledRejection', handler);
  };
}
