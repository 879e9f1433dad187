import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../../../tests/helpers/corpus';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { Store } from '../store/repository';
import { importDocument } from './import-document';

const tempDir = useTempDirs();

async function imported(name: string) {
  const store = await Store.open(await tempDir(), { skipDailyBackup: true });
  const outcome = await importDocument(store, name, await readFile(join(CORPUS_DIR, name)));
  return { outcome, doc: store.reportDoc(outcome.id)!, store };
}

describe('importDocument', () => {
  it('enters a thematic’s recommendations to chief constables and forces in the register with their deadline as target date', async () => {
    const { doc } = await imported('thematic-2024-vetting.pdf');
    const targets = doc.findings.map((f) => [f.addressee, f.due, f.tracking.due]);
    expect(targets).toEqual([
      ['chief constables', '2025-03-31', '2025-03-31'],
      ['chief constables', '2025-03-31', '2025-03-31'],
      // Addressed to others: the deadline is kept on the finding, but it is not the force's target date.
      ['the College of Policing', '2024-09-30', null],
      ["the National Police Chiefs' Council lead for counter-corruption", '2024-12-31', null],
      ['the Home Office', null, null],
      ['forces', null, null],
      ['forces', null, null],
    ]);
  });

  it('answers with a summary of what was found, and what to check', async () => {
    const report = await imported('peel-2023-25-harrowfield.pdf');
    expect(report.outcome).toMatchObject({ duplicate: false, summary: '8 findings and 10 grades found' });
    expect(report.doc.findings.filter((f) => f.kind === 'recommendation').every((f) => f.tracking.due === '2024-09-30')).toBe(true);
    const custody = await imported('joint-2023-custody-northmoor.txt');
    expect(custody.outcome.summary).toBe('7 findings found; 1 to check');
  });

  it('imports a document it cannot read any judgment from, saying so', async () => {
    const { outcome, doc } = await imported('briefing-2020-kestrel-bay.txt');
    expect(outcome.summary).toBe('No judgments found — add them by hand');
    expect(doc.report.kind).toBe('other');
  });
});
