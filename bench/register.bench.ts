import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../src/shared/domain/finding';
import type { ReportDoc } from '../src/main/store/schema';
import { generateStore } from './generate-store';
import type { Print } from './stats';

const FINDINGS = 10_000;

/** Gives the generated findings what a real register has: target dates, dated updates, evidence, a manual RAG now and then. */
async function addTracking(dir: string): Promise<void> {
  const folder = join(dir, 'reports');
  let n = 0;
  for (const name of await readdir(folder)) {
    const file = join(folder, name);
    const doc = JSON.parse(await readFile(file, 'utf8')) as ReportDoc;
    doc.findings = doc.findings.map((f: Finding) => {
      n++;
      const month = String(1 + (n % 12)).padStart(2, '0');
      return {
        ...f,
        tracking: {
          ...f.tracking,
          due: n % 10 === 0 ? null : `20${19 + (n % 6)}-${month}-15`,
          rag: n % 7 === 0 ? 'Amber' : null,
          evidence: n % 3 === 0 ? [`Minutes of the Organisational Improvement Group, ${month}/2020`] : [],
          progress: Array.from({ length: n % 4 }, (_, p) => ({
            id: `p${n}-${p}`,
            at: `2020-0${1 + p}-10T10:00:00.000Z`,
            on: `2020-0${1 + p}-09`,
            by: 'Supt Adams',
            text: `${f.text} Progress reported at the monthly meeting, with the next steps agreed and an owner for each.`,
          })),
        },
      };
    });
    await writeFile(file, JSON.stringify(doc));
  }
}

function measure(dir: string): Promise<{ ms: number; first: number; rssDelta: number; bytes: number; rows: number }> {
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'measure-register-xlsx.ts'), dir],
      { maxBuffer: 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout))),
    ),
  );
}

/**
 * register.xlsx-10k: the whole findings register of 10,000 findings (500 reports) written as .xlsx, as
 * `liaison register` and the export button do, median of five in a fresh process; .rss-delta: what the first
 * export added to that process's memory at its peak.
 */
export async function run(print: Print): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'liaison-bench-register-'));
  try {
    await generateStore(dir, { reports: 500, findings: FINDINGS, notes: 0, annotations: 0 });
    await addTracking(dir);
    const result = await measure(dir);
    if (result.rows !== FINDINGS) throw new Error(`expected ${FINDINGS} findings, the store has ${result.rows}`);
    print('register.xlsx-10k', Math.round(result.ms), 'ms');
    print('register.xlsx-10k.first', Math.round(result.first), 'ms');
    print('register.xlsx-10k.rss-delta', Math.round(result.rssDelta / 1024 / 1024), 'MB');
    print('register.xlsx-10k.size', Math.round(result.bytes / 1024), 'KB');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
