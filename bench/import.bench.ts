import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { extract } from '../src/main/extract/extract';
import { readDocument } from '../src/main/ingest/read-document';
import { readAndExtract, stopImportReaders, warmImportReader } from '../src/main/ingest/read-in-worker';
import { openAppCore } from '../src/main/app';
import { downloadInstead } from '../src/main/http/download';
import { median } from './stats';

const fixtures = join(import.meta.dirname, '../tests/fixtures');

/** pdftotext reading the file whole, as a process of its own (as the import would be, were it our reader). */
const pdftotext = (pdf: string) =>
  new Promise<void>((resolve, reject) => execFile('pdftotext', [pdf, '-'], { maxBuffer: 64 * 1024 * 1024 }, (error) => (error ? reject(error) : resolve())));

async function medianOf(runs: number, task: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  return median(times);
}

const importFile = async (path: string): Promise<void> => {
  extract(await readDocument(basename(path), new Uint8Array(readFileSync(path))));
};

/** A 60-page PDF made by LibreOffice from the 2018/19 report (once and a half), cached between runs. */
function sixtyPagePdf(): string {
  const cached = join(tmpdir(), 'liaison-desk-bench-60p.pdf');
  if (existsSync(cached)) return cached;
  const work = mkdtempSync(join(tmpdir(), 'liaison-bench-'));
  try {
    const report = readFileSync(join(fixtures, 'peel-2018-19-integrated-report.txt'), 'utf8');
    const lines = report.split('\n');
    writeFileSync(join(work, 'report.md'), `${report}\n\n${lines.slice(0, Math.floor(lines.length * 0.66)).join('\n')}`);
    execFileSync('pandoc', ['-f', 'markdown', '-t', 'html', '-s', '--metadata', 'title=PEEL', 'report.md', '-o', 'report.html'], { cwd: work });
    execFileSync('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', 'report.html'], {
      cwd: work,
      stdio: 'ignore',
    });
    writeFileSync(cached, readFileSync(join(work, 'report.pdf')));
    return cached;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export async function run(print: (name: string, value: number, unit: string) => void): Promise<void> {
  print('import.text-128kb', await medianOf(9, () => importFile(join(fixtures, 'peel-2018-19-integrated-report.txt'))), 'ms');

  // The PDF as the app imports it: read and extracted in the (warm) import worker, its pages shared
  // with a page worker, while another call (app.status) is sent every 10 ms and its waits recorded.
  const pdf = sixtyPagePdf();
  const bytes = new Uint8Array(readFileSync(pdf));
  const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-import-'));
  const core = await openAppCore(dir, { transport: 'http', saveFile: downloadInstead }, { skipDailyBackup: true });
  warmImportReader();
  await readAndExtract('warm-up.pdf', bytes);
  // Ours and pdftotext take turns, so both are timed through the same spells of a busy or quiet machine (here
  // the same work takes from 550 to 1,000 ms from one minute to the next); timed one batch after the other,
  // the ratio followed the machine's spells, not the readers.
  let longestWait = 0;
  let running = true;
  let pinging = false;
  await core.dispatch('settings.get', {});
  await core.dispatch('app.status', {});
  const pinger = (async () => {
    let due = performance.now();
    while (running) {
      if (!pinging) {
        await new Promise((resolve) => setTimeout(resolve, 2));
        due = performance.now();
        continue;
      }
      await core.dispatch('app.status', {});
      longestWait = Math.max(longestWait, performance.now() - due);
      due = Math.max(performance.now(), due + 10);
      await new Promise((resolve) => setTimeout(resolve, due - performance.now()));
    }
  })();
  const oursTimes: number[] = [];
  const popplerTimes: number[] = [];
  for (let i = 0; i < 9; i += 1) {
    pinging = true;
    let start = performance.now();
    await readAndExtract('report.pdf', bytes);
    oursTimes.push(performance.now() - start);
    pinging = false;
    start = performance.now();
    await pdftotext(pdf);
    popplerTimes.push(performance.now() - start);
  }
  running = false;
  await pinger;
  await core.close();
  await stopImportReaders();
  rmSync(dir, { recursive: true, force: true });
  const ours = median(oursTimes);
  const poppler = median(popplerTimes);
  print('import.pdf-60p', ours, 'ms');
  print('import.pdf-60p.pdftotext', poppler, 'ms');
  print('import.pdf-60p.ratio', ours / poppler, 'x');
  print('import.pdf-60p.others-waited.max', longestWait, 'ms');

  const samples = readdirSync(fixtures).filter((name) => /\.(txt|html|pdf|docx)$/.test(name) && !name.startsWith('encrypted'));
  for (const name of samples.sort()) {
    const slug = name.replace(/\.[a-z]+$/, '').replace(/[^a-z0-9]+/gi, '-') + `-${name.split('.').pop()}`;
    print(`import.sample.${slug}`, await medianOf(5, () => importFile(join(fixtures, name))), 'ms');
  }
}
