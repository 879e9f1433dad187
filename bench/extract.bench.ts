import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { extract } from '../src/main/extract/extract';
import { readDocument } from '../src/main/ingest/read-document';
import type { DocumentText } from '../src/main/ingest/document-text';
import { corpusDocuments, figures, scoreDocument } from '../tests/helpers/corpus';
import type { Print } from './stats';

/**
 * The extraction corpus (tests/fixtures/corpus): every document read and extracted, scored against the values
 * written by hand beside it. Prints `extract: documents <n> grades <r> findings-recall <r> findings-precision
 * <p> score <s>` (score: mean of grade recall and findings F1), then the time to extract the whole corpus
 * once its files are read (`extract.corpus-ms`, median of 5), reading them (`extract.corpus-read-ms`) and grade
 * precision.
 */
export async function run(print: Print): Promise<void> {
  const documents = corpusDocuments();
  const texts: DocumentText[] = [];
  const reading = performance.now();
  for (const d of documents) texts.push(await readDocument(basename(d.file), new Uint8Array(readFileSync(d.file))));
  const readMs = performance.now() - reading;
  const scores = documents.map((d, i) => scoreDocument(d.expected, extract(texts[i] as DocumentText)));
  const f = figures(scores);
  const r = (n: number): string => n.toFixed(3);
  process.stdout.write(
    `extract: documents ${f.documents} grades ${r(f.gradeRecall)} findings-recall ${r(f.findingsRecall)} findings-precision ${r(f.findingsPrecision)} score ${r(f.score)}\n`,
  );
  const times: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const start = performance.now();
    for (const text of texts) extract(text);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  print('extract.corpus-ms', times[2] ?? 0, 'ms');
  print('extract.corpus-read-ms', readMs, 'ms');
  print('extract.grades-precision', f.gradePrecision, 'x');
}
