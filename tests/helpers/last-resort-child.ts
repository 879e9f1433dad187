import { openAppCore } from '../../src/main/app';
import { downloadInstead } from '../../src/main/http/download';
import { installLastResort } from '../../src/main/last-resort';

/**
 * For the last-resort test: opens a store at argv[2] with the handler installed as the browser host
 * (argv[3] = 'serve') or the CLI ('cli') installs it, saves a setting, then throws where nothing catches it.
 */
const [dir, mode] = process.argv.slice(2);
if (!dir || !mode) throw new Error('usage: last-resort-child <dir> <serve|cli>');
installLastResort({ dataDir: dir, tell: (message) => process.stderr.write(`told: ${message}\n`), exit: mode === 'cli' });
const core = await openAppCore(dir, { transport: 'http', saveFile: downloadInstead }, { skipDailyBackup: true });
await core.dispatch('settings.update', { boardName: 'Gold Group' });
setImmediate(() => {
  throw new RangeError('Invalid string length');
});
await new Promise((resolve) => setTimeout(resolve, 200));
void Promise.reject(new Error('a rejection nobody awaited'));
await new Promise((resolve) => setTimeout(resolve, 200));
const answer = await core.dispatch('settings.get', {});
process.stdout.write(`${JSON.stringify(answer)}\n`);
await core.close();
