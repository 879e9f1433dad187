import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { docxParagraphs } from '../../../tests/fixtures/paper/docx-text';
import { FIXTURES } from '../../../tests/helpers/fixtures';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { Store } from '../store/repository';
import { createAnnotation } from '../services/annotations';
import { exportAnnotations } from '../services/annotations-export';
import { importDocument } from '../services/import-document';
import { csvField } from './annotations-export';

const tempDir = useTempDirs();
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

const PERCEPTIONS = 'The force should improve how it identifies and understands the issues that have the greatest impact on public perceptions of fair and respectful treatment.';
const VETTING = 'ensure it complies with all aspects of the current national guidelines for vetting';

async function annotated(name: string) {
  const store = await Store.open(await tempDir(), { skipDailyBackup: true });
  stores.push(store);
  await store.updateIndex((index) => void (index.settings.userName = 'Ch Insp Chris Savage'));
  const { id } = await importDocument(store, name, await readFile(join(FIXTURES, name)));
  const text = (await store.readText(store.reportDoc(id)!.report.sha256)).text;
  const mark = async (words: string, note: string, tags: string[], colour: 'yellow' | 'pink', day: string) => {
    const start = text.indexOf(words);
    if (start < 0) throw new Error(`“${words}” is not in the text`);
    await createAnnotation(store, { reportId: id, start, end: start + words.length, note, tags, colour }, new Date(`${day}T10:00:00.000Z`));
  };
  // Made out of text order: the export follows the text.
  await mark(VETTING, 'Ask PSD: "how many" files are\nstill open?', ['vetting', 'interview'], 'pink', '2018-01-20');
  await mark(PERCEPTIONS, '=SUM(A1) is not a formula here', [], 'yellow', '2018-01-16');
  return { store, id };
}

describe('annotations export', () => {
  it('writes CSV with quote, page, note, tags, colour and date, in text order, safe for Excel', async () => {
    const { store, id } = await annotated('peel-2016-legitimacy-web-report.txt');
    const made = await exportAnnotations(store, id, 'csv');
    expect(made.mimeType).toBe('text/csv');
    expect(made.fileName).toMatch(/^Annotations - .*\.csv$/);
    expect([...made.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte-order mark Excel needs to read UTF-8
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(made.bytes);
    expect(csv.startsWith('\ufeffQuote,Page,Note,Tags,Colour,Date\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe(`${PERCEPTIONS},,'=SUM(A1) is not a formula here,,Yellow,16 January 2018`);
    expect(lines[2]).toBe(`${VETTING},,"Ask PSD: ""how many"" files are\nstill open?",vetting; interview,Pink,20 January 2018`);
    expect(lines[3]).toBe('');
  });

  it('gives the PDF page of each passage', async () => {
    const { store, id } = await annotated('peel-2016-legitimacy-report.pdf');
    const csv = new TextDecoder().decode((await exportAnnotations(store, id, 'csv')).bytes);
    // pdftotext finds the perceptions AFI on page 2 of the PDF and the vetting recommendation on page 3.
    const pages = csv.slice(1).split('\r\n').slice(1, 3).map((line) => line.split(',')[1]);
    expect(pages).toEqual(['2', '3']);
  });

  it('writes a Word document, one annotation after another', async () => {
    const { store, id } = await annotated('peel-2016-legitimacy-web-report.txt');
    const made = await exportAnnotations(store, id, 'docx');
    const text = docxParagraphs(made.bytes).map((p) => p.text);
    expect(text[0]).toMatch(/^Annotations: /);
    expect(text[1]).toMatch(/^2 annotations, exported by Ch Insp Chris Savage on \d{1,2} [A-Z][a-z]+ \d{4}\.$/);
    const first = text.indexOf('Annotation 1');
    expect(text.slice(first, first + 4)).toEqual(['Annotation 1', `“${PERCEPTIONS}”`, '=SUM(A1) is not a formula here', 'No tags · Colour: Yellow · Added 16 January 2018']);
    const second = text.indexOf('Annotation 2');
    expect(text.slice(second, second + 5)).toEqual(['Annotation 2', `“${VETTING}”`, 'Ask PSD: "how many" files are', 'still open?', 'Tags: vetting, interview · Colour: Pink · Added 20 January 2018']);
  });

  it('quotes CSV fields only when it must', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@cmd')).toBe("'@cmd");
  });
});
