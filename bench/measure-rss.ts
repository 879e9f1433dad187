import { Store } from '../src/main/store/repository';
import { warmSearch } from '../src/main/services/search';
import { registerOf } from '../src/main/services/register';

/**
 * Run in a fresh process by store.bench.ts: opens a store as the app does, builds what the app keeps
 * in memory (the search index, the register), and reports the process's resident memory.
 */
const store = await Store.open(process.argv[2]!, { skipDailyBackup: true });
await warmSearch(store);
registerOf(store).page();
process.stdout.write(`${JSON.stringify({ rss: process.memoryUsage().rss })}\n`);
await store.close();
