import { existsSync } from 'node:fs';
import { openAppCore } from './app';
import { startLoopbackHost } from './http/loopback-host';
import { downloadInstead } from './http/download';
import { rendererDir, resolveDataDir } from './paths';
import { warmSearch } from './services/search';
import { installLastResort } from './last-resort';
import { warmImportReader } from './ingest/read-in-worker';
import { pipeWriter } from './cli/stdout';

/**
 * `npm run serve`: the app's UI in a browser on this machine, over the same services as the desktop
 * app. Used where Electron cannot run, and by the end-to-end tests.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dataDir = resolveDataDir(argv);
  const portArg = argv.find((a) => a.startsWith('--port='));
  // The terminal (or the test run) that started the host may go first: a write to its closed pipe must not
  // become an error whose report is another write to it, over and over into logs/errors.log.
  const out = pipeWriter(process.stdout);
  const err = pipeWriter(process.stderr);
  const dir = rendererDir();
  if (!existsSync(`${dir}/index.html`)) throw new Error(`The renderer is not built (${dir}); run \`npm run build\` first.`);
  installLastResort({ dataDir, tell: (message) => err(`liaison serve: ${message}\n`) });
  // The browser build keeps the team password in memory only: it is asked for after each start.
  const core = await openAppCore(dataDir, { transport: 'http', saveFile: downloadInstead, startTeam: true }, { background: true });
  const host = await startLoopbackHost({ dispatch: core.dispatch, rendererDir: dir, port: portArg ? Number(portArg.slice(7)) : 0 });
  out(`Liaison Desk is open at ${host.openUrl}\nData folder: ${dataDir}\n`);
  void warmSearch(core.store);
  // The host runs from source (tsx), where the import worker compiles its TypeScript as it starts: it is
  // started at once, beside the page loading, so the first import does not wait for it.
  warmImportReader();
  const stop = async () => {
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`liaison serve: ${(error as Error).message}\n`);
  process.exit(1);
});
