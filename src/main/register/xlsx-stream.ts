import { once } from 'node:events';
import { createDeflateRaw, crc32 } from 'node:zlib';
import { Zip, ZipDeflate, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate';

/**
 * A one-sheet .xlsx written as a stream: rows are turned into SpreadsheetML as they come and deflated on
 * the way, so 10,000 rows never exist as a workbook object in memory (exceljs's streaming writer spent
 * most of its time hashing each cell's style). Only what the register needs: inline strings, dates,
 * a fixed set of cell styles, widths and row heights, a frozen and repeated header row, an autofilter
 * and a landscape page fitted to one page wide.
 */

/** The cell styles of styles.xml, by index. */
export const STYLE = { header: 1, text: 2, date: 3, red: 4, amber: 5, green: 6 } as const;
export type StyleId = (typeof STYLE)[keyof typeof STYLE];

export type Cell = { text: string; style?: StyleId } | { date: string; style?: StyleId } | null;

export interface SheetSpec {
  name: string;
  columns: Array<{ header: string; width: number }>;
  /** Row heights in points, header first; undefined leaves a row to the default. */
  rows: Iterable<{ cells: Cell[]; height?: number }>;
  headerHeight?: number;
  title: string;
  creator: string;
  /** The date printed in the footer, in words (a spreadsheet's own date code prints in its locale's order). */
  printed: string;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

// XML 1.0 has no place for most control characters; a stray one from a PDF would make Excel refuse the file.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

export function xmlText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');

/**
 * A zip entry deflated by Node's own zlib (several times faster than fflate's JavaScript deflate on the
 * sheet's megabytes of XML), streamed into fflate's Zip with a data descriptor for its CRC and sizes.
 */
class NativeDeflateFile implements ZipInputFile {
  size = 0;
  crc = 0;
  compression = 8;
  flag = 0;
  ondata?: AsyncFlateStreamHandler;
  private readonly deflate = createDeflateRaw({ level: 2 });
  private readonly done: Promise<void>;

  constructor(readonly filename: string) {
    this.deflate.on('data', (chunk: Buffer) => this.ondata?.(null, new Uint8Array(chunk.buffer as ArrayBuffer, chunk.byteOffset, chunk.length), false));
    this.done = new Promise((resolve, reject) => {
      this.deflate.on('end', () => {
        this.ondata?.(null, new Uint8Array(0), true);
        resolve();
      });
      this.deflate.on('error', (error) => {
        this.ondata?.(error as never, null as never, true);
        reject(error);
      });
    });
  }

  async push(text: string): Promise<void> {
    const bytes = utf8(text);
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    if (!this.deflate.write(bytes)) await once(this.deflate, 'drain');
  }

  end(): Promise<void> {
    this.deflate.end();
    return this.done;
  }

  terminate(): void {
    this.deflate.destroy();
  }
}

const attr = (text: string) => xmlText(text).replace(/"/g, '&quot;');

export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Days since 30 December 1899, Excel's day count, for an ISO calendar date. */
export function excelSerial(isoDate: string): number {
  return Math.round((Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

const STYLES_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${NS}">
<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>
<fonts count="5">
<font><sz val="9"/><name val="Calibri"/><family val="2"/></font>
<font><b/><sz val="9"/><name val="Calibri"/><family val="2"/></font>
<font><b/><sz val="9"/><color rgb="FF9C0006"/><name val="Calibri"/><family val="2"/></font>
<font><b/><sz val="9"/><color rgb="FF9C5700"/><name val="Calibri"/><family val="2"/></font>
<font><b/><sz val="9"/><color rgb="FF006100"/><name val="Calibri"/><family val="2"/></font>
</fonts>
<fills count="6">
<fill><patternFill patternType="none"/></fill>
<fill><patternFill patternType="gray125"/></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor indexed="64"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFFFEB9C"/><bgColor indexed="64"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFC6EFCE"/><bgColor indexed="64"/></patternFill></fill>
</fills>
<borders count="2">
<border><left/><right/><top/><bottom/><diagonal/></border>
<border><left style="thin"><color rgb="FFBFBFBF"/></left><right style="thin"><color rgb="FFBFBFBF"/></right><top style="thin"><color rgb="FFBFBFBF"/></top><bottom style="thin"><color rgb="FFBFBFBF"/></bottom><diagonal/></border>
</borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="7">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="2" fillId="3" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="3" fillId="4" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="4" fillId="5" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

function cellXml(cell: Cell, ref: string): string {
  if (cell === null) return '';
  if ('date' in cell) return `<c r="${ref}" s="${cell.style ?? STYLE.date}"><v>${excelSerial(cell.date)}</v></c>`;
  if (cell.text === '') return `<c r="${ref}" s="${cell.style ?? STYLE.text}"/>`;
  // Only leading or trailing spaces need preserving; leaving the attribute off elsewhere keeps the sheet a third smaller.
  const space = /^\s|\s$/.test(cell.text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}" s="${cell.style ?? STYLE.text}" t="inlineStr"><is><t${space}>${xmlText(cell.text)}</t></is></c>`;
}

function rowXml(r: number, cells: Cell[], letters: string[], height: number | undefined): string {
  let xml = height ? `<row r="${r}" ht="${height}" customHeight="1">` : `<row r="${r}">`;
  for (let i = 0; i < cells.length; i++) xml += cellXml(cells[i] ?? null, `${letters[i]}${r}`);
  return `${xml}</row>`;
}

/** Writes the sheet; resolves with the .xlsx bytes. */
export async function writeSheetXlsx(spec: SheetSpec): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let failed: Error | null = null;
  let finished!: () => void;
  const complete = new Promise<void>((resolve) => (finished = resolve));
  const zip = new Zip((error, chunk, final) => {
    if (error) failed = error;
    else chunks.push(chunk);
    if (final || error) finished();
  });
  const put = (name: string, text: string) => {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(utf8(text), true);
  };
  const letters = spec.columns.map((_, i) => columnLetter(i));
  const last = letters[letters.length - 1] ?? 'A';
  const sheet = new NativeDeflateFile('xl/worksheets/sheet1.xml');
  zip.add(sheet);
  try {
    let buffer = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="12"/><cols>${spec.columns
      .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`)
      .join('')}</cols><sheetData>`;
    buffer += rowXml(1, spec.columns.map((c) => ({ text: c.header, style: STYLE.header })), letters, spec.headerHeight);
    let r = 1;
    for (const row of spec.rows) {
      r++;
      buffer += rowXml(r, row.cells, letters, row.height);
      if (buffer.length > 256 * 1024) {
        await sheet.push(buffer);
        buffer = '';
      }
    }
    const range = `A1:${last}${r}`;
    buffer += `</sheetData><autoFilter ref="${range}"/><pageMargins left="0.4" right="0.4" top="0.55" bottom="0.55" header="0.25" footer="0.25"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/><headerFooter><oddHeader>&amp;L&amp;"-,Bold"${attr(spec.title.replace(/&/g, '&&'))}</oddHeader><oddFooter>&amp;LPrinted ${attr(spec.printed)}&amp;RPage &amp;P of &amp;N</oddFooter></headerFooter></worksheet>`;
    await sheet.push(buffer);
    await sheet.end();
    const sheetName = attr(spec.name);
    const quotedSheet = `'${sheetName.replace(/'/g, "''")}'`;
    put(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
    );
    put(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    );
    put(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="${NS}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${quotedSheet}!$A$1:$${last}$${r}</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">${quotedSheet}!$1:$1</definedName></definedNames></workbook>`,
    );
    put(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    );
    put('xl/styles.xml', STYLES_XML);
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    put(
      'docProps/core.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xmlText(spec.title)}</dc:title><dc:creator>${xmlText(spec.creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified></cp:coreProperties>`,
    );
    put(
      'docProps/app.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Liaison Desk</Application></Properties>`,
    );
    zip.end();
  } catch (error) {
    sheet.terminate();
    zip.terminate();
    throw error;
  }
  await complete;
  if (failed) throw failed;
  return Buffer.concat(chunks);
}
