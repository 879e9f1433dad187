import ExcelJS from 'exceljs';
import { AppError } from '../../shared/api/result';
import { MAX_IMPORT_BYTES } from '../../shared/domain/import-limits';
import { OWNER_STATUSES } from '../../shared/domain/update-request';
import { assertNotZipBomb, listZipEntries } from '../ingest/zip-directory';
import { formatMegabytes } from '../ingest/limits';
import { parseLooseDate } from '../paper/dates';
import { COLUMN, COLUMNS, FINDINGS_SHEET, META_MARKER, META_SHEET, META_VERSION, OWNER_COLUMNS } from './workbook-shape';

/** Why a returned workbook cannot be used at all; nothing of it is applied. */
export class RefusedWorkbook extends Error {}

export interface ReturnedRow {
  /** The row on the sheet, for messages. */
  row: number;
  reference: string;
  findingId: string;
  progress: string | null;
  updateDate: string | null;
  newStatus: (typeof OWNER_STATUSES)[number] | null;
  newDue: string | null;
  evidence: string[];
  problems: string[];
}

export interface ReadReturn {
  requestId: string;
  requestDate: string;
  rows: ReturnedRow[];
  unchanged: number;
  warnings: string[];
}

/** A cell's words whatever Excel or LibreOffice made of them: text, rich text, a formula's result, a link. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('').trim();
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('result' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('error' in value) return '';
  }
  return '';
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** A date cell: a real date, an Excel day number, or text as dd/mm/yyyy, yyyy-mm-dd or "31 March 2020". */
function cellDate(value: ExcelJS.CellValue, what: string): { date: string | null; problem: string | null } {
  if (value === null || value === undefined || value === '') return { date: null, problem: null };
  if (value instanceof Date && !Number.isNaN(value.getTime())) return { date: iso(value), problem: null };
  if (typeof value === 'number' && value > 20_000 && value < 80_000) return { date: iso(new Date(Date.UTC(1899, 11, 30) + value * 86_400_000)), problem: null };
  const text = cellText(value);
  if (!text) return { date: null, problem: null };
  const loose = parseLooseDate(text);
  if (loose && loose.day !== null) return { date: `${loose.year}-${pad(loose.month)}-${pad(loose.day)}`, problem: null };
  return { date: null, problem: `${what} “${text}” is not a date (dd/mm/yyyy)` };
}

function refuse(reason: string): never {
  throw new RefusedWorkbook(reason);
}

async function loadWorkbook(bytes: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  if (bytes.length === 0) refuse('the file is empty');
  if (bytes.length > MAX_IMPORT_BYTES) refuse(`the file is ${formatMegabytes(bytes.length)}; the limit is ${formatMegabytes(MAX_IMPORT_BYTES)}`);
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) refuse('it is not an Excel workbook (.xlsx)');
  let entries;
  try {
    entries = listZipEntries(bytes, fileName);
    assertNotZipBomb(entries, fileName, bytes);
  } catch (error) {
    refuse(error instanceof AppError && error.code === 'too-large' ? error.message : 'it is damaged (the zip package cannot be read)');
  }
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) refuse('it is not an Excel workbook (.xlsx)');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    refuse('it is damaged: the workbook cannot be read');
  }
  return workbook;
}

/**
 * Reads an owner's returned update-request workbook. Refuses (RefusedWorkbook, with the reason) a file that
 * is not an .xlsx, is damaged, was not made by Liaison Desk as an update request, or whose Findings sheet was
 * edited out of shape (columns moved or renamed, rows added, references changed). `references` maps each
 * reference the request sent to its finding, from the store's record of the request.
 */
export async function readReturnedWorkbook(
  bytes: Uint8Array,
  fileName: string,
  requestOf: (requestId: string) => { date: string; references: ReadonlyMap<string, string> } | null,
): Promise<ReadReturn> {
  const workbook = await loadWorkbook(bytes, fileName);
  const meta = workbook.getWorksheet(META_SHEET);
  if (!meta || cellText(meta.getCell('A1').value) !== META_MARKER) refuse('it is not an update request made by Liaison Desk (it has no request details)');
  if (Number(cellText(meta.getCell('B1').value)) > META_VERSION) refuse('it was made by a newer version of Liaison Desk');
  const requestId = cellText(meta.getCell('B2').value);
  const request = requestOf(requestId);
  if (!request) refuse('it was not made by this Liaison Desk data folder (the request it answers is not here)');
  const sent = new Map<string, string>();
  for (let r = 4; r <= meta.rowCount; r++) {
    const reference = cellText(meta.getCell(r, 1).value);
    if (reference) sent.set(reference, cellText(meta.getCell(r, 2).value));
  }
  for (const [reference, findingId] of sent) {
    if (request.references.get(reference) !== findingId) refuse('its request details do not match the request this data folder sent');
  }

  const sheet = workbook.getWorksheet(FINDINGS_SHEET);
  if (!sheet) refuse(`it has been edited out of shape: the sheet “${FINDINGS_SHEET}” is missing or renamed`);
  COLUMNS.forEach((header, i) => {
    const found = cellText(sheet.getRow(1).getCell(i + 1).value);
    if (found !== header) {
      refuse(`it has been edited out of shape: column ${sheet.getColumn(i + 1).letter} should be “${header}” but ${found ? `is “${found}”` : 'is empty'}`);
    }
  });
  const extra = cellText(sheet.getRow(1).getCell(COLUMNS.length + 1).value);
  if (extra) refuse(`it has been edited out of shape: a column “${extra}” was added`);

  const rows: ReturnedRow[] = [];
  const seen = new Set<string>();
  let unchanged = 0;
  const warnings: string[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const reference = cellText(row.getCell(COLUMN.Reference).value);
    const filled = OWNER_COLUMNS.some((name) => cellText(row.getCell(COLUMN[name]).value) !== '');
    if (!reference) {
      if (filled) refuse(`it has been edited out of shape: row ${r} has an update but no Reference`);
      continue;
    }
    const findingId = sent.get(reference);
    if (!findingId) refuse(`it has been edited out of shape: row ${r}’s Reference “${reference}” was not in the request`);
    if (seen.has(reference)) refuse(`it has been edited out of shape: ${reference} appears twice`);
    seen.add(reference);
    if (!filled) {
      unchanged++;
      continue;
    }
    const problems: string[] = [];
    const progress = cellText(row.getCell(COLUMN['Progress update']).value) || null;
    const updated = cellDate(row.getCell(COLUMN['Update date']).value, 'Update date');
    const due = cellDate(row.getCell(COLUMN['New target date']).value, 'New target date');
    for (const p of [updated.problem, due.problem]) if (p) problems.push(p);
    const statusText = cellText(row.getCell(COLUMN['New status']).value);
    const newStatus = OWNER_STATUSES.find((s) => s.toLowerCase() === statusText.toLowerCase()) ?? null;
    if (statusText && !newStatus) problems.push(`New status “${statusText}” is not one of ${OWNER_STATUSES.map((s) => `“${s}”`).join(' or ')}`);
    if (progress && progress.length > 20_000) problems.push('the progress update is longer than 20,000 characters');
    const evidence = cellText(row.getCell(COLUMN.Evidence).value)
      .split(/\r?\n|;/)
      .map((e) => e.trim())
      .filter(Boolean);
    rows.push({ row: r, reference, findingId, progress, updateDate: updated.date, newStatus, newDue: due.date, evidence, problems });
  }
  const missing = [...sent.keys()].filter((ref) => !seen.has(ref));
  if (missing.length) warnings.push(`${missing.length} finding${missing.length === 1 ? ' was' : 's were'} removed from the sheet (${missing.join(', ')}); nothing changes for ${missing.length === 1 ? 'it' : 'them'}.`);
  return { requestId, requestDate: request.date, rows, unchanged, warnings };
}
