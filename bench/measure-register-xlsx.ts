import { performance } from 'node:perf_hooks';
import { Store } from '../src/main/store/repository';
import { registerXlsx } from '../src/main/services/board-papers';
import { median } from './stats';

/**
 * Run in a fresh process by register.bench.ts (with --expose-gc): opens the store as the CLI does, then
 * writes the whole register as .xlsx five times. The memory figure is what the first export added to the
 * process at its peak: the high-water mark if the export raised it, else what was resident afterwards.
 */
const store = await Store.open(process.argv[2]!, { readOnly: true });
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const before = process.memoryUsage().rss;
const peakBefore = process.resourceUsage().maxRSS * 1024;
const times: number[] = [];
let bytes = 0;
let rssDelta = 0;
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  bytes = (await registerXlsx(store)).length;
  times.push(performance.now() - t);
  if (i === 0) {
    const peakAfter = process.resourceUsage().maxRSS * 1024;
    rssDelta = Math.max(process.memoryUsage().rss, peakAfter > peakBefore ? peakAfter : 0) - before;
  }
}
const rows = store.allReportDocs().reduce((n, d) => n + d.findings.length, 0);
process.stdout.write(`${JSON.stringify({ ms: median(times), first: times[0], rssDelta, bytes, rows })}\n`);
await store.close();
