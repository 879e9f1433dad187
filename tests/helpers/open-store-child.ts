import { Store } from '../../src/main/store/repository';

/**
 * A second process for the two-instances test: opens the store at argv[2], says "open", and holds it
 * until its stdin closes; if the open fails it prints the message on stderr and exits with 1.
 */
const dir = process.argv[2];
if (!dir) throw new Error('usage: open-store-child <dir>');
try {
  const store = await Store.open(dir, { skipDailyBackup: true });
  process.stdout.write('open\n');
  process.stdin.resume();
  process.stdin.on('end', () => void store.close().then(() => process.exit(0)));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
