import ExcelJS from 'exceljs';
import { OWNER_STATUSES } from '../../shared/domain/update-request';
import { dateInWords } from '../paper/dates';
import { COLUMN, COLUMNS, FINDINGS_SHEET, LOCKED_COLUMNS, META_MARKER, META_SHEET, META_VERSION, NOTE_SHEET } from './workbook-shape';

export interface RequestRow {
  reference: string;
  findingId: string;
  report: string;
  text: string;
  owner: string | null;
  status: string;
  due: string | null;
  latestUpdate: string;
}

export interface RequestWorkbookInput {
  requestId: string;
  /** ISO date of the request. */
  date: string;
  returnBy: string;
  /** The owner it is for, or null for every owner. */
  owner: string | null;
  from: string;
  force: string;
  rows: RequestRow[];
}

const GREY = 'FFF2F2F2';
const YELLOW = 'FFFFF2CC';
/** A font every office has (LibreOffice's Liberation Sans is metric-compatible), so widths and wrapping come out as planned. */
const BODY_FONT: Partial<ExcelJS.Font> = { name: 'Arial', size: 10 };
/** ExcelJS names A4 but not A3 (8 in the Office paper sizes). */
const A3 = 8 as ExcelJS.PaperSize;
const excelDate = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00.000Z`);

/** Sheet protection that still lets the owner resize rows and columns and use the filters. */
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  autoFilter: true,
  sort: false,
  insertRows: false,
  deleteRows: false,
  insertColumns: false,
  deleteColumns: false,
};

/** The covering note's column, in characters: about the width of an A4 page in portrait at 11 pt. */
const NOTE_WIDTH = 76;

function coveringNote(workbook: ExcelJS.Workbook, input: RequestWorkbookInput): void {
  const sheet = workbook.addWorksheet(NOTE_SHEET, {
    views: [{ showGridLines: false }],
    pageSetup: { orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.getColumn(1).width = NOTE_WIDTH;
  const count = input.rows.length === 1 ? 'the open finding' : `the ${input.rows.length} open findings`;
  const lines: Array<[string, Partial<ExcelJS.Font>?]> = [
    ['Update request: HMICFRS inspection findings', { bold: true, size: 14 }],
    [''],
    [`To: ${input.owner ?? 'Owners of open HMICFRS findings'}`],
    [`From: ${input.from}, ${input.force}`],
    [`Date: ${dateInWords(input.date)}`],
    [`Please return by: ${dateInWords(input.returnBy)}`, { bold: true }],
    [''],
    [
      input.owner
        ? `The sheet “${FINDINGS_SHEET}” lists ${count} from HMICFRS inspections that you own, with the status, target date and latest update we hold.`
        : `The sheet “${FINDINGS_SHEET}” lists ${count} from HMICFRS inspections, with each one’s owner, status, target date and the latest update we hold.`,
    ],
    [input.owner ? 'For each finding, please fill in the yellow columns:' : 'For each finding you own, please fill in the yellow columns:'],
    ['  •  Progress update: what has been done since the latest update, in a few sentences.'],
    ['  •  Update date: the date the progress was made (dd/mm/yyyy).'],
    ['  •  New status: “In progress”, or “Proposed for closure” when the work is complete.'],
    ['  •  New target date: only if the date has to move; say why in the progress update.'],
    ['  •  Evidence: the documents that show the work is done (titles, dates, where they are kept). Needed to propose closure.'],
    ['Leave a row empty if nothing has changed.'],
    [''],
    ['Please do not change the grey columns, add or remove rows, or rename the sheets: the workbook is read back into Liaison Desk as it is.'],
    ['Closure is signed off by the force’s approver; proposing it here starts that step.'],
  ];
  lines.forEach(([text, font], i) => {
    const row = sheet.getRow(i + 1);
    const cell = row.getCell(1);
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: 'top' };
    cell.font = { ...BODY_FONT, size: 11, ...font };
    // Row heights are not worked out on opening by every program (LibreOffice prints a wrapped line over the next), so set them.
    const size = font?.size ?? 11;
    row.height = Math.ceil((text.length || 1) / (NOTE_WIDTH * 1.2)) * Math.round(size * 1.4);
  });
}

function findingsSheet(workbook: ExcelJS.Workbook, input: RequestWorkbookInput): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(FINDINGS_SHEET, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }],
    // Twelve columns with room to write in: A3 landscape, one page wide, so the print stays readable.
    pageSetup: { orientation: 'landscape', paperSize: A3, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
    headerFooter: { oddFooter: `&LUpdate request of ${dateInWords(input.date)}&RPage &P of &N` },
  });
  const widths: Record<(typeof COLUMNS)[number], number> = {
    Reference: 13,
    Report: 16,
    Finding: 46,
    Owner: 15,
    Status: 13,
    'Target date': 11,
    'Latest update': 32,
    'Progress update': 42,
    'Update date': 11,
    'New status': 17,
    'New target date': 11,
    Evidence: 26,
  };
  sheet.columns = COLUMNS.map((header) => ({ header, key: header, width: widths[header] }));
  const header = sheet.getRow(1);
  header.font = { ...BODY_FONT, bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 30;
  header.eachCell((cell, col) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: col <= LOCKED_COLUMNS.length ? 'FFD9D9D9' : 'FFFFD966' } };
  });
  const last = input.rows.length + 1;
  for (const row of input.rows) {
    const added = sheet.addRow({
      Reference: row.reference,
      Report: row.report,
      Finding: row.text,
      Owner: row.owner ?? '',
      Status: row.status,
      'Target date': row.due ? excelDate(row.due) : null,
      'Latest update': row.latestUpdate,
    });
    added.alignment = { vertical: 'top', wrapText: true };
    added.font = BODY_FONT;
    for (let col = 1; col <= COLUMNS.length; col++) {
      const cell = added.getCell(col);
      const owners = col > LOCKED_COLUMNS.length;
      cell.protection = { locked: !owners };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: owners ? YELLOW : GREY } };
    }
    added.getCell(COLUMN['Target date']).numFmt = 'dd/mm/yyyy';
    added.getCell(COLUMN['Update date']).numFmt = 'dd/mm/yyyy';
    added.getCell(COLUMN['New target date']).numFmt = 'dd/mm/yyyy';
    // Lines of Arial 10 each cell wraps to (about 1.1 characters a width unit), 13 points a line.
    const lines = Math.max(2, Math.ceil(row.text.length / 50), Math.ceil(row.latestUpdate.length / 35), Math.ceil(row.report.length / 17));
    added.height = Math.min(300, 13 * lines + 4);
  }
  const dateRule = (title: string): ExcelJS.DataValidation => ({
    type: 'date',
    operator: 'between',
    allowBlank: true,
    formulae: [new Date('2000-01-01T00:00:00Z'), new Date('2099-12-31T00:00:00Z')],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: title,
    error: 'Type a date as dd/mm/yyyy, e.g. 31/03/2020.',
    showInputMessage: true,
    promptTitle: title,
    prompt: 'A date, dd/mm/yyyy.',
  });
  const statusRule: ExcelJS.DataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: [`"${OWNER_STATUSES.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'New status',
    error: `Choose ${OWNER_STATUSES.map((s) => `“${s}”`).join(' or ')}, or leave it empty.`,
  };
  const textRule: ExcelJS.DataValidation = {
    type: 'textLength',
    operator: 'lessThanOrEqual',
    allowBlank: true,
    formulae: [20000],
    showErrorMessage: true,
    errorTitle: 'Progress update',
    error: 'A progress update can be at most 20,000 characters.',
  };
  for (let r = 2; r <= last; r++) {
    const row = sheet.getRow(r);
    row.getCell(COLUMN['Progress update']).dataValidation = textRule;
    row.getCell(COLUMN['Update date']).dataValidation = dateRule('Update date');
    row.getCell(COLUMN['New status']).dataValidation = statusRule;
    row.getCell(COLUMN['New target date']).dataValidation = dateRule('New target date');
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(2, last), column: COLUMNS.length } };
  return sheet;
}

function metaSheet(workbook: ExcelJS.Workbook, input: RequestWorkbookInput): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  sheet.getCell('A1').value = META_MARKER;
  sheet.getCell('B1').value = META_VERSION;
  sheet.getCell('A2').value = 'request';
  sheet.getCell('B2').value = input.requestId;
  sheet.getCell('A3').value = 'date';
  sheet.getCell('B3').value = input.date;
  input.rows.forEach((row, i) => {
    sheet.getCell(4 + i, 1).value = row.reference;
    sheet.getCell(4 + i, 2).value = row.findingId;
  });
  return sheet;
}

/**
 * The update request as a workbook for owners: a covering note first, then their open findings with the
 * app's columns locked and theirs left empty (with validation for dates and statuses), and a very hidden
 * sheet naming the request, so the returned workbook can be recognised and matched row by row.
 */
export async function renderRequestWorkbook(input: RequestWorkbookInput): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = input.from;
  workbook.created = new Date(`${input.date}T09:00:00.000Z`);
  workbook.title = `Update request of ${dateInWords(input.date)}`;
  coveringNote(workbook, input);
  const findings = findingsSheet(workbook, input);
  const meta = metaSheet(workbook, input);
  // No password: locking is there to stop accidents, and an owner with a real need can unprotect the sheet.
  await workbook.worksheets[0]!.protect('', PROTECTION);
  await findings.protect('', PROTECTION);
  await meta.protect('', {});
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
