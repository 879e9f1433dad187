import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/domain/default-settings';
import { runsToText } from '../../shared/domain/paper-markup';
import type { PaperModel } from '../../shared/domain/paper-model';
import { CORPUS_DIR } from '../../../tests/helpers/corpus';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { importDocument } from '../services/import-document';
import { Store } from '../store/repository';
import { gradeHistory } from '../tracking/grade-history';
import { buildPaper } from './build-paper';

const tempDir = useTempDirs();

async function reports(...names: string[]) {
  const store = await Store.open(await tempDir(), { skipDailyBackup: true });
  const docs = [];
  for (const name of names) docs.push(store.reportDoc((await importDocument(store, name, await readFile(join(CORPUS_DIR, name)))).id)!);
  return docs;
}

const paragraph = (model: PaperModel, key: string) => model.sections.flatMap((s) => s.paragraphs).find((p) => p.key === key);
const items = (model: PaperModel, key: string): string[] => (paragraph(model, key)?.list?.groups ?? []).flatMap((g) => g.items.map(runsToText));

describe('grades across PEEL cycles', () => {
  it('lines an area up from a 2016 question to a 2021/22 area in the grade history', async () => {
    const [pillar2016, areas2021] = await reports('peel-2016-effectiveness-eastmarch.pdf', 'peel-2021-22-eastmarch.txt');
    const history = gradeHistory([areas2021!.report, pillar2016!.report]);
    const line = (key: string) => history.lines.find((l) => l.key === key);
    expect(history.columns.map((c) => c.period)).toEqual(['2016', '2021/22']);
    expect(line('effectiveness/investigating-crime')?.cells.map((c) => [c.grade, c.change])).toEqual([
      ['Requires improvement', 'first'],
      ['Requires improvement', 'no-change'],
    ]);
    expect(line('effectiveness/protecting-vulnerable-people')?.cells.map((c) => [c.grade, c.change])).toEqual([
      ['Inadequate', 'first'],
      ['Adequate', 'improved'],
    ]);
    // Areas PEEL 2016 did not grade appear from 2021/22 under their own names.
    expect(line('efficiency/leadership-force-management')?.label).toBe('Leadership and force management');
  });

  it('writes 4.1 and 4.2 for a report graded by area, with the change since the force’s earlier report', async () => {
    const [pillar2016, areas2021, findings] = await reports('peel-2016-effectiveness-eastmarch.pdf', 'peel-2021-22-eastmarch.txt', 'peel-2021-22-eastmarch.txt');
    const model = buildPaper({ report: areas2021!.report, findings: findings!.findings, history: [pillar2016!.report], settings: DEFAULT_SETTINGS, paper: null });
    expect(runsToText(paragraph(model, '4.1')?.runs ?? [])).toMatch(
      /^As part of the PEEL inspection, HMICFRS assessed the force in eight areas of policing and graded it outstanding in one, good in three, adequate in two and requires improvement in two/,
    );
    expect(items(model, '4.2')).toContain('Investigating crime: assessed as requiring improvement (no change from 2016).');
    expect(items(model, '4.2')).toContain('Protecting vulnerable people: assessed as adequate (an improvement on 2016).');
    expect(model.title).toBe('An update on the publication of the PEEL 2021/22 report by His Majesty’s Inspectorate of Constabulary and Fire and Rescue Services');
  });

  it('names an area’s earlier name when the cycles call it differently', async () => {
    // The 2018/19 report stands in for the same force's earlier inspection.
    const [integrated2018, areas2023] = await reports('peel-2018-19-integrated-glenford.html', 'peel-2023-25-wessex-vale.html');
    const model = buildPaper({ report: areas2023!.report, findings: [], history: [integrated2018!.report], settings: DEFAULT_SETTINGS, paper: null });
    expect(items(model, '4.2')).toContain(
      'Police powers and public treatment: assessed as adequate (a decline from 2018/19, when it was “Fair treatment of the public”).',
    );
    expect(items(model, '4.2')).toContain('Investigating crime: assessed as adequate (an improvement on 2018/19).');
  });
});
