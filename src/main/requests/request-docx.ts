import { BorderStyle, Document, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { dateInWords } from '../paper/dates';
import type { RequestWorkbookInput } from './request-workbook';

const FONT = 'Arial';
const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(text: string, width: number, options: { bold?: boolean; shade?: string; lines?: number; keepNext?: boolean } = {}): TableCell {
  const lines = text.split('\n');
  const blank = Array.from({ length: Math.max(0, (options.lines ?? 1) - lines.length) });
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    shading: options.shade ? { type: ShadingType.CLEAR, fill: options.shade, color: 'auto' } : undefined,
    children: [...lines.map((line) => new Paragraph({ keepNext: options.keepNext, children: [new TextRun({ text: line, bold: options.bold })] })), ...blank.map(() => new Paragraph({ keepNext: options.keepNext, text: '' }))],
  });
}

const LABEL = 2400;
const VALUE = 6626;

function findingTable(row: RequestWorkbookInput['rows'][number]): Table {
  // Every row but the last keeps with the next, so a finding's table is never split over two pages.
  const given = (label: string, value: string) =>
    new TableRow({ cantSplit: true, children: [cell(label, LABEL, { bold: true, shade: 'F2F2F2', keepNext: true }), cell(value, VALUE, { keepNext: true })] });
  const asked = (label: string, lines: number, last = false) =>
    new TableRow({ cantSplit: true, children: [cell(label, LABEL, { bold: true, shade: 'FFF2CC', keepNext: !last }), cell('', VALUE, { lines, keepNext: !last })] });
  return new Table({
    width: { size: LABEL + VALUE, type: WidthType.DXA },
    columnWidths: [LABEL, VALUE],
    rows: [
      given('Finding', row.text),
      given('Report', row.report),
      given('Status', row.status),
      given('Target date', row.due ? dateInWords(row.due) : 'none set'),
      given('Latest update', row.latestUpdate || 'none yet'),
      asked('Progress update', 4),
      asked('Update date', 1),
      asked('New status (In progress, or Proposed for closure)', 1),
      asked('New target date', 1),
      asked('Evidence', 2, true),
    ],
  });
}

/** The update request as a short Word document, for owners who prefer to answer in Word: one table per finding. */
export async function renderRequestDocx(input: RequestWorkbookInput): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Update request: HMICFRS inspection findings')] }),
    new Paragraph({ children: [new TextRun({ text: 'To: ', bold: true }), new TextRun(input.owner ?? 'Owners of open HMICFRS findings')] }),
    new Paragraph({ children: [new TextRun({ text: 'From: ', bold: true }), new TextRun(`${input.from}, ${input.force}`)] }),
    new Paragraph({ children: [new TextRun({ text: 'Date: ', bold: true }), new TextRun(dateInWords(input.date))] }),
    new Paragraph({ children: [new TextRun({ text: 'Please reply by: ', bold: true }), new TextRun(dateInWords(input.returnBy))] }),
    new Paragraph({
      spacing: { before: 240 },
      text: `Please give an update on ${input.rows.length === 1 ? 'the finding' : `each of the ${input.rows.length} findings`} below: what has been done, the date, whether the work is complete (propose closure, naming the evidence), and any new target date with the reason. Closure is signed off by the force’s approver.`,
    }),
  ];
  for (const row of input.rows) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, spacing: { before: 240 }, text: `${row.reference}${row.owner ? ` — ${row.owner}` : ''}` }));
    children.push(findingTable(row));
  }
  const doc = new Document({
    title: `Update request of ${dateInWords(input.date)}`,
    creator: input.from,
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language: { value: 'en-GB' } }, paragraph: { spacing: { after: 80 } } },
        title: { run: { font: FONT, size: 30, bold: true, color: '000000' }, paragraph: { spacing: { after: 200 } } },
        heading2: { run: { font: FONT, size: 24, bold: true, color: '000000' } },
      },
    },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
