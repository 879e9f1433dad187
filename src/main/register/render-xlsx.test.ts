import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { LEGITIMACY_2016, LEGITIMACY_2016_FINDINGS } from '../../../tests/fixtures/paper/legitimacy-2016';
import { LEGITIMACY_2017, LEGITIMACY_2017_FINDINGS } from '../../../tests/fixtures/paper/legitimacy-2017';
import type { Finding } from '../../shared/domain/finding';
import { registerRows } from './register-row';
import { renderRegisterXlsx } from './render-xlsx';

const tracked: Finding[] = LEGITIMACY_2017_FINDINGS.map((f, i) =>
  i === 0
    ? {
        ...f,
        tracking: {
          ...f.tracking,
          rag: 'Amber',
          due: '2018-12-31',
          progress: [
            { id: 'p1', at: '2018-01-10T10:00:00.000Z', by: 'HMICFRS Liaison Officer', text: 'Internal group terms of reference drafted.' },
            { id: 'p2', at: '2018-02-14T10:00:00.000Z', by: 'HMICFRS Liaison Officer', text: 'External scrutiny panel agreed to review body-worn video.' },
          ],
        },
      }
    : i === 1
      ? { ...f, tracking: { ...f.tracking, rag: 'Red', due: '2018-06-30' } }
      : i === 2
        ? { ...f, tracking: { ...f.tracking, rag: 'Green' } }
        : f,
);

async function reopen(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const sheet = workbook.getWorksheet('Findings register');
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

describe('renderRegisterXlsx', () => {
  it('writes one row per finding, 2016 report first, with the recommendations’ lead-in', async () => {
    const rows = registerRows([LEGITIMACY_2016, LEGITIMACY_2017], [...tracked, ...LEGITIMACY_2016_FINDINGS]);
    const sheet = await reopen(await renderRegisterXlsx(rows));
    expect(sheet.rowCount).toBe(1 + 9 + 6);
    expect(sheet.getRow(1).getCell(5).value).toBe('Finding');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getRow(5).getCell(4).value).toBe('Cause of concern');
    expect(String(sheet.getRow(6).getCell(5).value)).toMatch(/^Cambridgeshire Constabulary, together with .* should: review the capacity/);
    expect(sheet.getRow(11).getCell(1).value).toBe(LEGITIMACY_2017.title);
    expect(sheet.getRow(11).getCell(12).value).toBe('No');
  });

  it('stores target and progress dates as Excel dates shown dd/mm/yyyy, with the latest progress', async () => {
    const sheet = await reopen(await renderRegisterXlsx(registerRows([LEGITIMACY_2017], tracked)));
    const due = sheet.getRow(2).getCell(9);
    expect(due.value).toBeInstanceOf(Date);
    expect((due.value as Date).toISOString()).toBe('2018-12-31T00:00:00.000Z');
    expect(due.numFmt).toBe('dd/mm/yyyy');
    expect((sheet.getRow(2).getCell(10).value as Date).toISOString().slice(0, 10)).toBe('2018-02-14');
    expect(sheet.getRow(2).getCell(11).value).toBe('External scrutiny panel agreed to review body-worn video.');
    expect(sheet.getRow(4).getCell(9).value).toBeNull();
  });

  it('fills the RAG cell red, amber or green, freezes the header and filters it', async () => {
    const sheet = await reopen(await renderRegisterXlsx(registerRows([LEGITIMACY_2017], tracked)));
    const fill = (row: number): string | undefined => {
      const f = sheet.getRow(row).getCell(8).fill;
      return f?.type === 'pattern' ? f.fgColor?.argb : undefined;
    };
    expect([fill(2), fill(3), fill(4), fill(5)]).toEqual(['FFFFEB9C', 'FFFFC7CE', 'FFC6EFCE', undefined]);
    expect(sheet.getRow(3).getCell(8).value).toBe('Red');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getRow(2).getCell(5).alignment?.wrapText).toBe(true);
  });
});
