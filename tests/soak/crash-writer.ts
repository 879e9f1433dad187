import { Store } from '../../src/main/store/repository';

/**
 * The child side of the crash test: opens the store and writes until it is killed, printing one line
 * per write only after the store has acknowledged it (its promise resolved). The parent reads these
 * lines to know which writes must survive.
 */
const [dir, run, reportId] = process.argv.slice(2);
if (!dir || !run || !reportId) throw new Error('usage: crash-writer <dir> <run> <reportId>');

const store = await Store.open(dir);
process.stdout.write('ready\n');
for (let seq = 0; ; seq++) {
  if (seq % 2 === 0) {
    await store.updateReport(reportId, (draft) => {
      draft.findings[0]!.tracking.owner = `${run}:${seq}`;
    });
    process.stdout.write(`report ${run}:${seq}\n`);
  } else {
    const at = new Date().toISOString();
    const id = `n${run}-${seq}`;
    await store.putNote({ id, text: `note ${run}:${seq}`, tags: [], reportId: null, question: null, findingId: null, createdAt: at, updatedAt: at });
    process.stdout.write(`note ${id}\n`);
  }
}
