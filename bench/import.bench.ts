import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { extract } from '../src/main/extract/extract';
import { readDocument } from '../src/main/ingest/read-document';
import { readAndExtract, stopImportReaders, warmImportReader } from '../src/main/ingest/read-in-worker';
import { openAppCore } from '../src/main/app';
import { downloadInstead } from '../src/main/http/download';

const fixtures = join(import.meta.dirname, '../tests/fixtures');

async function median(runs: number, task: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
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
  print('import.text-128kb', await median(9, () => importFile(join(fixtures, 'peel-2018-19-integrated-report.txt'))), 'ms');

  // The PDF as the app imports it: read and extracted in the (warm) import worker, its pages shared
  // with a page worker, while another call (app.status) is sent every 10 ms and its waits recorded.
  const pdf = sixtyPagePdf();
  const bytes = new Uint8Array(readFileSync(pdf));
  const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-import-'));
  const core = await openAppCore(dir, { transport: 'http', saveFile: downloadInstead }, { skipDailyBackup: true });
  warmImportReader();
  await readAndExtract('warm-up.pdf', bytes);
  let longestWait = 0;
  let running = true;
  // As the app is a moment after its first screen: every call's handler loaded (the first call that is not
  // on the first screen loads them; from source under tsx that is seconds of compiling, which is not the import's).
  await core.dispatch('settings.get', {});
  await core.dispatch('app.status', {});
  const pinger = (async () => {
    let due = performance.now();
    while (running) {
      await core.dispatch('app.status', {});
      longestWait = Math.max(longestWait, performance.now() - due);
      due = Math.max(performance.now(), due + 10);
      await new Promise((resolve) => setTimeout(resolve, due - performance.now()));
    }
  })();
  const ours = await median(7, () => readAndExtract('report.pdf', bytes));
  running = false;
  await pinger;
  await core.close();
  await stopImportReaders();
  rmSync(dir, { recursive: true, force: true });
  const poppler = await median(7, () => execFileSync('pdftotext', [pdf, '-'], { maxBuffer: 64 * 1024 * 1024 }));
  print('import.pdf-60p', ours, 'ms');
  print('import.pdf-60p.pdftotext', poppler, 'ms');
  print('import.pdf-60p.ratio', ours / poppler, 'x');
  print('import.pdf-60p.others-waited.max', longestWait, 'ms');

  const samples = readdirSync(fixtures).filter((name) => /\.(txt|html|pdf|docx)$/.test(name) && !name.startsWith('encrypted'));
  for (const name of samples.sort()) {
    const slug = name.replace(/\.[a-z]+$/, '').replace(/[^a-z0-9]+/gi, '-') + `-${name.split('.').pop()}`;
    print(`import.sample.${slug}`, await median(5, () => importFile(join(fixtures, name))), 'ms');
  }
}
