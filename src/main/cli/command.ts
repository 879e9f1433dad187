import type { ParseArgsConfig } from 'node:util';
import type { AppCore } from '../app';

export interface CliIo {
  out: (text: string) => void;
  /** A message for the person at the terminal (stderr), beside what the command prints for scripts. */
  err: (text: string) => void;
  dataDir: string;
  /**
   * Opens the store (read-only for commands that only read). Closed by the runner. With `background`
   * only the index and report heads are read before it resolves; the dispatcher waits for the rest.
   */
  open: (options?: { readOnly?: boolean; background?: boolean }) => Promise<AppCore>;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  options?: ParseArgsConfig['options'];
  run(positionals: string[], values: Record<string, string | boolean | (string | boolean)[] | undefined>, io: CliIo): Promise<void>;
}
