import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { docxParagraphs } from '../../../../tests/fixtures/paper/docx-text';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { cli } from '../../../../tests/helpers/cli';
import { FIXTURES } from '../../../../tests/helpers/fixtures';

const tempDir = useTempDirs();

async function importedStore(): Promise<{ dataDir: string; ids: string[] }> {
  const dataDir = await tempDir();
  const files = ['peel-2016-legitimacy-web-report.txt', 'peel-2018-19-integrated-report.txt'].map((f) => join(FIXTURES, f));
  const imported = await cli(['import', ...files, '--data-dir', dataDir]);
  expect(imported.code).toBe(0);
  return { dataDir, ids: imported.out.trim().split('\n') };
}

describe('liaison paper', () => {
  it('writes the default paper for an imported report and prints the path', async () => {
    const { dataDir, ids } = await importedStore();
    const out = join(await tempDir(), 'PEEL 2018-19.docx');
    const result = await cli(['paper', ids[1] ?? '', '--out', out, '--data-dir', dataDir]);
    expect(result).toEqual({ code: 0, out: `${out}\n`, err: '' });
    const texts = docxParagraphs(await readFile(out)).map((p) => p.text);
    expect(texts).toContain(
      'An update on the publication of the PEEL 2018/19 report by Her Majesty’s Inspectorate of Constabulary and Fire and Rescue Services',
    );
    expect(texts).toContain('4.2\tThe pillar judgments were reached by assessing the following components:');
    expect(texts).toContain('Ethical and lawful workforce behaviour: assessed as good (an improvement on 2016).');
    expect(texts.filter((t) => t.startsWith('The force should'))).toHaveLength(11);
  });

  it('gives one line and exit 1 for an unknown report, a missing --out and a folder that does not exist', async () => {
    const { dataDir, ids } = await importedStore();
    const nowhere = join(await tempDir(), 'no-such-folder', 'paper.docx');
    const cases: [string[], RegExp][] = [
      [['paper', 'no-such-report', '--out', join(dataDir, '..', 'x.docx')], /^liaison paper: There is no report with id no-such-report/],
      [['paper', ids[0] ?? ''], /^liaison paper: say where to write the file: --out <file\.docx>/],
      [['paper', ids[0] ?? '', '--out', nowhere], /^liaison paper: Cannot write .*no-such-folder.*: the folder does not exist/],
    ];
    for (const [args, message] of cases) {
      const result = await cli([...args, '--data-dir', dataDir]);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.out).toBe('');
      expect(result.err).toMatch(message);
      expect(result.err.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('liaison register', () => {
  it('writes every finding to .xlsx, 2016 first, and prints the path', async () => {
    const { dataDir } = await importedStore();
    const out = join(await tempDir(), 'register.xlsx');
    const result = await cli(['register', '--out', out, '--data-dir', dataDir]);
    expect(result).toEqual({ code: 0, out: `${out}\n`, err: '' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(out)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Findings register');
    // 2016 web report: four AFIs, one cause of concern, four recommendations; 2018/19: eleven AFIs.
    expect(sheet?.rowCount).toBe(1 + 9 + 11);
    expect(sheet?.getRow(2).getCell(1).value).toBe('2016-AFI-01');
    expect(sheet?.getRow(2).getCell(2).value).toBe('PEEL 2016 Legitimacy');
    expect(sheet?.getRow(2).getCell(5).value).toBe(
      'The force should improve how it identifies and understands the issues that have the greatest impact on public perceptions of fair and respectful treatment.',
    );
    expect(sheet?.getRow(11).getCell(1).value).toBe('2018/19-AFI-01');
    expect(sheet?.getRow(11).getCell(2).value).toBe('PEEL 2018/19 Integrated');
  });

  it('refuses a path it cannot write with one line and exit 1', async () => {
    const { dataDir } = await importedStore();
    const result = await cli(['register', '--out', join(await tempDir(), 'missing', 'r.xlsx'), '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^liaison register: Cannot write .*: the folder does not exist\n$/);
  });
});
