import { runCli } from './run';
import { installLastResort } from '../last-resort';
import { resolveDataDir } from '../paths';

installLastResort({ dataDir: resolveDataDir(process.argv.slice(2)), tell: (message) => process.stderr.write(`liaison: ${message}\n`), exit: true });
process.exitCode = await runCli(process.argv.slice(2));
