import { parseArgs } from 'node:util';
import { AppError } from '../../shared/api/result';
import { openAppCore, type AppCore } from '../app';
import { downloadInstead } from '../http/download';
import { resolveDataDir } from '../paths';
import type { Command } from './command';
import { commands } from './commands';
import { pipeWriter } from './stdout';

function help(): string {
  const entry = (usage: string, summary: string) => [...usage.split(' | ').map((u) => `  ${u}`), `      ${summary}`];
  return [
    'Liaison Desk command line — the same services as the app, without Electron.',
    '',
    'Usage: npm run --silent liaison -- <command> [options]',
    '',
    'Commands:',
    ...commands.flatMap((c) => entry(c.usage, c.summary)),
    ...entry('help', 'show this help'),
    '',
    'Global options:',
    "  --data-dir DIR   the data folder (default: LIAISON_DATA_DIR, else the desktop app's own folder)",
    '',
  ].join('\n');
}

/** Runs one CLI command; returns the exit code. Errors become one line on stderr. */
export async function runCli(
  argv: string[],
  out: (text: string) => void = pipeWriter(process.stdout),
  err: (text: string) => void = pipeWriter(process.stderr),
): Promise<number> {
  const [name, ...rest] = argv.filter((a, i, all) => !(a === '--data-dir' || a.startsWith('--data-dir=') || all[i - 1] === '--data-dir'));
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    out(help());
    return 0;
  }
  const command: Command | undefined = commands.find((c) => c.name === name);
  if (!command) {
    err(`liaison: unknown command "${name}". Run \`npm run liaison -- help\` for the list.\n`);
    return 2;
  }
  const dataDir = resolveDataDir(argv);
  let core: AppCore | null = null;
  try {
    const { positionals, values } = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true, strict: true });
    await command.run(positionals, values, {
      out,
      err,
      dataDir,
      open: async (options) => {
        core ??= await openAppCore(dataDir, { transport: 'http', saveFile: downloadInstead }, { readOnly: options?.readOnly, background: options?.background });
        return core;
      },
    });
    return 0;
  } catch (error) {
    const message = error instanceof AppError || error instanceof TypeError ? error.message : String((error as Error).message ?? error);
    err(`liaison ${name}: ${message.split('\n')[0]}\n`);
    return 1;
  } finally {
    await (core as AppCore | null)?.close();
  }
}
