import type { FindingKind } from '../../shared/domain/extraction';
import type { Rag } from '../../shared/domain/finding';
import type { RegisterRow } from './register-row';
import { STYLE, writeSheetXlsx, type Cell, type StyleId } from './xlsx-stream';
import { dateInWords } from '../paper/dates';
import { todayIso } from '../tracking/periods';

const KIND_LABEL: Record<FindingKind, string> = {
  'area-for-improvement': 'Area for improvement',
  'cause-of-concern': 'Cause of concern',
  recommendation: 'Recommendation',
};

/** Excel's own conditional-formatting colours, so the sheet looks like a RAG rating people already know. */
const RAG_STYLE: Record<Rag, StyleId> = { Red: STYLE.red, Amber: STYLE.amber, Green: STYLE.green };

/** Widths in characters of the sheet's 9 pt font; about 200 in all, so the page fits one wide at a readable scale. */
export const REGISTER_COLUMNS = [
  { header: 'Reference', width: 13 },
  { header: 'Report', width: 16 },
  { header: 'Pillar / question', width: 18 },
  { header: 'Kind', width: 15 },
  { header: 'Finding', width: 46 },
  { header: 'Owner', width: 14 },
  { header: 'Status', width: 12 },
  { header: 'RAG', width: 7 },
  { header: 'Target date', width: 10 },
  { header: 'Latest progress update', width: 34 },
  { header: 'Evidence', width: 20 },
  { header: 'Linked findings', width: 13 },
] as const;

const LINE_POINTS = 11;
/** Excel's largest row. */
const MAX_ROW_POINTS = 409;

/** "02/07/2020" for the text of a cell; dates on their own are real dates. */
function dayMonthYear(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/**
 * Lines a wrapped cell takes in a column `width` characters wide. The 9 pt text averages a little narrower
 * than the digit the width is measured in; counting each as one keeps a little room, so nothing is cut off.
 */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.15) - 1);
  if (text.length <= perLine && !text.includes('\n')) return 1;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let count = 1;
    let line = 0;
    let at = 0;
    while (at < paragraph.length) {
      let end = paragraph.indexOf(' ', at);
      if (end < 0) end = paragraph.length;
      const word = end - at;
      at = end + 1;
      if (word === 0) continue;
      if (word > perLine) {
        // A word longer than the column breaks across lines of its own.
        if (line > 0) count++;
        count += Math.ceil(word / perLine) - 1;
        line = word % perLine || perLine;
      } else if (line === 0) line = word;
      else if (line + 1 + word <= perLine) line += 1 + word;
      else {
        count++;
        line = word;
      }
    }
    lines += count;
  }
  return lines;
}

function rowCells(row: RegisterRow): Cell[] {
  const latest = row.latestProgress ? `${dayMonthYear(row.latestProgress.on)} (${row.latestProgress.by}): ${row.latestProgress.text}` : '';
  const text = row.carriedOver ? `${row.text} (remains from the previous inspection)` : row.text;
  return [
    { text: row.reference },
    { text: row.report },
    { text: [row.pillar, row.question].filter(Boolean).join(' — ') },
    { text: KIND_LABEL[row.kind] },
    { text },
    { text: row.owner ?? '' },
    { text: row.status },
    row.rag ? { text: row.rag, style: RAG_STYLE[row.rag] } : { text: '' },
    row.due ? { date: row.due } : { text: '' },
    { text: latest },
    { text: row.evidence.join('\n') },
    { text: row.linked.join('\n') },
  ];
}

/**
 * The findings register as an Excel workbook ready to print for a board: landscape A4 fitted to one page
 * wide, the header row frozen and repeated on every page, rows as tall as their wrapped text, filterable,
 * target dates as real dates.
 */
export async function renderRegisterXlsx(rows: readonly RegisterRow[], title = 'HMICFRS findings register'): Promise<Uint8Array> {
  function* sheetRows() {
    for (const row of rows) {
      const cells = rowCells(row);
      let lines = 1;
      cells.forEach((cell, i) => {
        if (cell && 'text' in cell && cell.text) lines = Math.max(lines, wrappedLines(cell.text, REGISTER_COLUMNS[i]!.width));
      });
      yield { cells, height: Math.min(MAX_ROW_POINTS, lines * LINE_POINTS + 4) };
    }
  }
  return writeSheetXlsx({
    name: 'Findings register',
    columns: [...REGISTER_COLUMNS],
    rows: sheetRows(),
    headerHeight: 2 * LINE_POINTS + 4,
    printed: dateInWords(todayIso()),
    title,
    creator: 'Liaison Desk',
  });
}
