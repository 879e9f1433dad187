import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildPaper } from '../src/main/paper/build-paper';
import { renderPaperDocx } from '../src/main/paper/render-docx';
import { renderPaperMarkdown } from '../src/main/paper/render-markdown';
import { LEGITIMACY_2016 } from '../tests/fixtures/paper/legitimacy-2016';
import { LEGITIMACY_2017, LEGITIMACY_2017_FINDINGS, PAPER_2017, PAPER_2017_SETTINGS } from '../tests/fixtures/paper/legitimacy-2017';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function time(runs: number, warmUp: number, work: () => unknown): Promise<number> {
  for (let i = 0; i < warmUp; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const exportPaper = async (): Promise<Uint8Array> => {
  const model = buildPaper({
    report: LEGITIMACY_2017,
    findings: LEGITIMACY_2017_FINDINGS,
    history: [LEGITIMACY_2016],
    settings: PAPER_2017_SETTINGS,
    paper: PAPER_2017,
  });
  return renderPaperDocx(model, { author: PAPER_2017_SETTINGS.author });
};

/** Board-paper export (model + .docx) for the 2017 Legitimacy paper, against pandoc making a .docx of the same paper. */
export async function run(print: (name: string, value: number, unit: string) => void): Promise<void> {
  const ours = await time(20, 5, exportPaper);
  print('paper.export', ours, 'ms');

  const markdown = renderPaperMarkdown(
    buildPaper({ report: LEGITIMACY_2017, findings: LEGITIMACY_2017_FINDINGS, history: [LEGITIMACY_2016], settings: PAPER_2017_SETTINGS, paper: PAPER_2017 }),
  );
  const out = join(mkdtempSync(join(tmpdir(), 'paper-bench-')), 'paper.docx');
  let pandoc: number;
  try {
    pandoc = await time(5, 1, () => execFileSync('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', out], { input: markdown }));
  } catch {
    console.warn('paper.export.pandoc skipped: pandoc is not installed');
    return;
  }
  print('paper.export.pandoc', pandoc, 'ms');
  print('paper.export.ratio', ours / pandoc, 'x');
}
