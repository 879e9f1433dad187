import ExcelJS from 'exceljs';
import type { FindingKind } from '../../shared/domain/extraction';
import type { Rag } from '../../shared/domain/finding';
import type { RegisterRow } from './register-row';

const KIND_LABEL: Record<FindingKind, string> = {
  'area-for-improvement': 'Area for improvement',
  'cause-of-concern': 'Cause of concern',
  recommendation: 'Recommendation',
};

/** Excel's own conditional-formatting colours, so the sheet looks like a RAG rating people already know. */
const RAG_FILL: Record<Rag, { fill: string; font: string }> = {
  Red: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  Amber: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  Green: { fill: 'FFC6EFCE', font: 'FF006100' },
};

const DATE_FORMAT = 'dd/mm/yyyy';

/** A calendar date as Excel stores it: midnight UTC, so no time zone moves it to the day before. */
function excelDate(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00.000Z`);
}

/** The findings register as an Excel workbook: one row per finding, filterable, dates as real dates. */
export async function renderRegisterXlsx(rows: readonly RegisterRow[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Liaison Desk';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('Findings register', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: 'Report', key: 'report', width: 32 },
    { header: 'Pillar', key: 'pillar', width: 14 },
    { header: 'Question', key: 'question', width: 36 },
    { header: 'Kind', key: 'kind', width: 20 },
    { header: 'Finding', key: 'text', width: 70 },
    { header: 'Owner', key: 'owner', width: 24 },
    { header: 'Status', key: 'status', width: 22 },
    { header: 'RAG', key: 'rag', width: 8 },
    { header: 'Target date', key: 'due', width: 12, style: { numFmt: DATE_FORMAT } },
    { header: 'Progress date', key: 'progressAt', width: 13, style: { numFmt: DATE_FORMAT } },
    { header: 'Latest progress', key: 'progress', width: 50 },
    { header: 'Carried over', key: 'carriedOver', width: 12 },
  ];
  for (const row of rows) {
    const added = sheet.addRow({
      report: row.report,
      pillar: row.pillar ?? '',
      question: row.question ?? '',
      kind: KIND_LABEL[row.kind],
      text: row.text,
      owner: row.owner ?? '',
      status: row.status,
      rag: row.rag ?? '',
      due: row.due ? excelDate(row.due) : null,
      progressAt: row.latestProgress ? excelDate(row.latestProgress.at) : null,
      progress: row.latestProgress?.text ?? '',
      carriedOver: row.carriedOver ? 'Yes' : 'No',
    });
    added.alignment = { vertical: 'top', wrapText: true };
    if (row.rag) {
      const cell = added.getCell('rag');
      const colours = RAG_FILL[row.rag];
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colours.fill } };
      cell.font = { bold: true, color: { argb: colours.font } };
    }
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: sheet.columns.length } };
  const buffer = await workbook.xlsx.writeBuffer();
  // In Node this is a Buffer, which the typings call an ArrayBuffer; either way its bytes are copied out.
  return new Uint8Array(buffer as ArrayBuffer);
}
