import { openAppCore } from '../src/main/app';
import { downloadInstead } from '../src/main/http/download';
import { searchSettled, warmSearch } from '../src/main/services/search';

/**
 * The app as it starts, in a process of its own, bundled beforehand so no TypeScript is compiled here
 * (scale.bench.ts). Prints one line per milestone; the parent times them from the moment it started
 * this process. Modes:
 *   first-screen  open, answer app.status and reports.list, then let the background work finish
 *   full          first-screen, the first search, then (everything loaded and indexed) as-you-type
 *                 searches and 20 register reads, and the resident memory
 */
const [dir, mode = 'full'] = process.argv.slice(2);
const say = (line: string) => process.stdout.write(`${line}\n`);
const ok = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

const core = await openAppCore(dir!, { transport: 'http', saveFile: downloadInstead }, { background: true });
// As the browser host and the desktop app do once the store is open.
void warmSearch(core.store);
const [, reports] = await Promise.all([core.dispatch('app.status', {}), core.dispatch('reports.list', {})]);
say(`first-screen ${(ok(reports) as unknown[]).length}`);

if (mode === 'full') {
  ok(await core.dispatch('search.query', { q: 'vetting', limit: 40 }));
  say('search-ready');
}

const loading = performance.now();
await core.store.ready;
await searchSettled(core.store);
say(`settled ${Math.round(performance.now() - loading)}`);

if (mode === 'full') {
  const times: number[] = [];
  for (const phrase of ['vetting', 'domestic abuse', 'stop and search']) {
    for (let i = 1; i <= phrase.length; i++) {
      const start = performance.now();
      ok(await core.dispatch('search.query', { q: phrase.slice(0, i), limit: 40 }));
      times.push(performance.now() - start);
    }
  }
  say(`keystrokes ${JSON.stringify(times)}`);
  for (let i = 0; i < 20; i++) ok(await core.dispatch('findings.register', {}));
  say(`rss ${process.memoryUsage().rss}`);
}

await core.close();
say('closed');
