import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { LEGITIMACY_2016, LEGITIMACY_2016_FINDINGS } from '../../../tests/fixtures/paper/legitimacy-2016';
import { LEGITIMACY_2017, LEGITIMACY_2017_FINDINGS } from '../../../tests/fixtures/paper/legitimacy-2017';
import type { Finding, FindingLink } from '../../shared/domain/finding';
import { findingReferences } from '../tracking/references';
import { registerRows } from './register-row';
import { renderRegisterXlsx, wrappedLines } from './render-xlsx';

const tracked: Finding[] = LEGITIMACY_2017_FINDINGS.map((f, i) =>
  i === 0
    ? {
        ...f,
        tracking: {
          ...f.tracking,
          owner: 'Head of PSD',
          rag: 'Amber',
          due: '2018-12-31',
          evidence: ['Scrutiny panel terms of reference'],
          attachments: [
            { id: 'a1', sha256: 'a'.repeat(64), name: 'Panel minutes March 2018.pdf', size: 10, mimeType: 'application/pdf', addedAt: '2018-03-20T10:00:00.000Z', by: 'x', progressId: null },
          ],
          progress: [
            // Entered late: the February meeting's update was typed in after the January one.
            { id: 'p2', at: '2018-02-20T10:00:00.000Z', on: '2018-02-14', by: 'HMICFRS Liaison Officer', text: 'External scrutiny panel agreed to review body-worn video.' },
            { id: 'p1', at: '2018-02-21T10:00:00.000Z', on: '2018-01-10', by: 'HMICFRS Liaison Officer', text: 'Internal group terms of reference drafted.' },
          ],
        },
      }
    : i === 1
      ? { ...f, tracking: { ...f.tracking, rag: 'Red', due: '2018-06-30' } }
      : i === 2
        ? { ...f, tracking: { ...f.tracking, rag: 'Green' } }
        : f,
);

async function reopen(bytes: Uint8Array): Promise<{ workbook: ExcelJS.Workbook; sheet: ExcelJS.Worksheet }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const sheet = workbook.getWorksheet('Findings register');
  if (!sheet) throw new Error('no sheet');
  return { workbook, sheet };
}

const reports = [LEGITIMACY_2016, LEGITIMACY_2017];
const all = [...tracked, ...LEGITIMACY_2016_FINDINGS];
const refs = findingReferences(reports, all);

describe('renderRegisterXlsx', () => {
  it('writes one row per finding, 2016 report first, each with its reference and the recommendations’ lead-in', async () => {
    const { sheet } = await reopen(await renderRegisterXlsx(registerRows(reports, all, refs)));
    expect(sheet.rowCount).toBe(1 + 9 + 6);
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Reference',
      'Report',
      'Pillar / question',
      'Kind',
      'Finding',
      'Owner',
      'Status',
      'RAG',
      'Target date',
      'Latest progress update',
      'Evidence',
      'Linked findings',
    ]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(1).value).toBe('2016-AFI-01');
    expect(sheet.getRow(5).getCell(4).value).toBe('Cause of concern');
    expect(sheet.getRow(5).getCell(1).value).toBe('2016-CoC-01');
    expect(String(sheet.getRow(6).getCell(5).value)).toMatch(/^Cambridgeshire Constabulary, together with .* should: review the capacity/);
    expect(sheet.getRow(2).getCell(2).value).toBe('PEEL 2016 Legitimacy');
    expect(sheet.getRow(11).getCell(2).value).toBe('PEEL 2017 Legitimacy');
    expect(sheet.getRow(11).getCell(1).value).toBe('2017-AFI-01');
  });

  it('gives target dates as Excel dates shown dd/mm/yyyy, the update with the latest date, evidence and links', async () => {
    const links: FindingLink[] = [
      { id: 'l1', earlierId: LEGITIMACY_2016_FINDINGS[2]!.id, laterId: tracked[0]!.id, state: 'confirmed', score: 1, at: '2018-03-01T10:00:00.000Z' },
      { id: 'l2', earlierId: LEGITIMACY_2016_FINDINGS[0]!.id, laterId: tracked[0]!.id, state: 'suggested', score: 0.5, at: '2018-03-01T10:00:00.000Z' },
    ];
    const { sheet } = await reopen(await renderRegisterXlsx(registerRows([LEGITIMACY_2017, LEGITIMACY_2016], all, refs, links)));
    const row = sheet.getRow(2);
    expect(row.getCell(9).value).toBeInstanceOf(Date);
    expect((row.getCell(9).value as Date).toISOString()).toBe('2018-12-31T00:00:00.000Z');
    expect(row.getCell(9).numFmt).toBe('dd/mm/yyyy');
    expect(row.getCell(10).value).toBe('14/02/2018 (HMICFRS Liaison Officer): External scrutiny panel agreed to review body-worn video.');
    expect(row.getCell(11).value).toBe('Panel minutes March 2018.pdf\nScrutiny panel terms of reference');
    // Only the confirmed link, by the linked finding's reference.
    expect(row.getCell(12).value).toBe('2016-AFI-03');
    expect(sheet.getRow(4).getCell(9).value ?? null).toBeNull();
  });

  it('is board-ready: landscape, one page wide, header frozen and repeated, rows as tall as their text, RAG coloured', async () => {
    const { sheet, workbook } = await reopen(await renderRegisterXlsx(registerRows([LEGITIMACY_2017], tracked, refs)));
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, printTitlesRow: '1:1' });
    expect(workbook.definedNames.model.map((n) => n.name)).toContain('_xlnm._FilterDatabase');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:L7');
    const widths = sheet.columns.map((c) => c.width ?? 0);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(220);
    const fill = (row: number): string | undefined => {
      const f = sheet.getRow(row).getCell(8).fill;
      return f?.type === 'pattern' ? f.fgColor?.argb : undefined;
    };
    expect([fill(2), fill(3), fill(4), fill(5)]).toEqual(['FFFFEB9C', 'FFFFC7CE', 'FFC6EFCE', undefined]);
    expect(sheet.getRow(2).getCell(5).alignment?.wrapText).toBe(true);
    // The tallest cell is the 169-character finding in its 46-character column (about 51 characters a line):
    // "The force needs to ensure that its data for use of / force (including body-worn video footage) is / monitored
    // by both an internal and an external group / to provide oversight." Four lines of 11 points and a little room.
    expect(wrappedLines(String(sheet.getRow(2).getCell(5).value), 46)).toBe(4);
    expect(sheet.getRow(2).height).toBe(4 * 11 + 4);
    expect(sheet.getRow(1).height).toBe(26);
  });

  it('counts wrapped lines as a column shows them', () => {
    expect(wrappedLines('', 10)).toBe(1);
    expect(wrappedLines('one two three', 10)).toBe(2); // "one two" then "three" in 10 characters
    expect(wrappedLines('first\nsecond', 40)).toBe(2);
    expect(wrappedLines('x'.repeat(25), 10)).toBe(3);
  });

  it('writes text XML cannot hold as text it can', async () => {
    const odd = { ...tracked[3]!, text: 'Tom & Jerry <script> “quotes” \u0007bell' };
    const { sheet } = await reopen(await renderRegisterXlsx(registerRows([LEGITIMACY_2017], [odd], refs)));
    expect(sheet.getRow(2).getCell(5).value).toBe('Tom & Jerry <script> “quotes” bell');
  });
});
