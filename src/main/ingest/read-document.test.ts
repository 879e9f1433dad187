import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/result';
import { extract } from '../extract/extract';
import { IMPORT_LIMITS } from './limits';
import { readDocument } from './read-document';

const fixtures = join(import.meta.dirname, '../../../tests/fixtures');
const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(join(fixtures, name)));
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const Q2 = 'How well does the force ensure that its workforce behaves ethically and lawfully?';

describe('readDocument: the 2016 report in every format', () => {
  for (const name of ['peel-2016-legitimacy-report.pdf', 'peel-2016-legitimacy-report.docx', 'peel-2016-legitimacy-report.html']) {
    it(`extracts the same judgments and findings from ${name}`, async () => {
      const doc = await readDocument(name, bytesOf(name));
      const e = extract(doc);
      expect(e.force).toBe('Cambridgeshire Constabulary');
      expect(e.published).toBe('2016-12-08');
      expect(e.judgments.map((j) => j.grade)).toEqual(['Good', 'Good', 'Requires improvement', 'Good']);
      expect(e.findings.filter((f) => f.kind === 'area-for-improvement')).toHaveLength(4);
      const recommendations = e.findings.filter((f) => f.kind === 'recommendation');
      expect(recommendations).toHaveLength(4);
      expect(recommendations.every((r) => r.question === Q2 && r.leadIn?.endsWith('should:'))).toBe(true);
      for (const f of e.findings) expect(doc.text.slice(f.anchor?.start, f.anchor?.end)).toBe(f.anchor?.quote);
    });
  }

  it('records PDF pages and gives anchors their page', async () => {
    const progress: [number, number][] = [];
    const doc = await readDocument('report.pdf', bytesOf('peel-2016-legitimacy-report.pdf'), (done, total) => progress.push([done, total]));
    expect(doc.format).toBe('pdf');
    expect(doc.pages.map((p) => p.page)).toEqual([1, 2, 3, 4]);
    expect(progress.at(-1)).toEqual([4, 4]);
    const last = extract(doc).findings.at(-1);
    expect(last?.text).toBe('The force should ensure that its supervisors can recognise and provide support with wellbeing issues.');
    expect(last?.anchor?.page).toBe(4);
  });

  it('keeps headings as heading blocks for HTML and DOCX', async () => {
    const doc = await readDocument('report.docx', bytesOf('peel-2016-legitimacy-report.docx'));
    const headings = (doc.blocks ?? []).filter((b) => b.kind === 'heading').map((b) => doc.text.slice(b.start, b.end));
    expect(headings).toContain('Cause of concern');
    expect(headings).toContain(Q2);
  });
});

describe('readDocument: another force’s web page', () => {
  it('drops scripts, styles, navigation and embeds, keeps the grade on its own line and the table as cells', async () => {
    const doc = await readDocument('page.html', bytesOf('northshire-peel-2017-effectiveness.html'));
    expect(doc.format).toBe('html');
    for (const gone of ['dataLayer', 'should never appear', 'font-family', 'Publications', 'chart label text', 'iframe fallback', 'enable JavaScript']) {
      expect(doc.text).not.toContain(gone);
    }
    expect(doc.text).toContain('\n\nInadequate\n\n');
    expect(doc.text).toContain('Crimes with a suspect identified\t31%\t39%');
    expect(doc.text).toContain('• ensure that all investigations are supervised;\n• review the workloads');
    const e = extract(doc);
    expect(e.force).toBe('Northshire Police');
    expect(e.judgments.map((j) => j.grade)).toEqual(['Requires improvement', 'Good', 'Inadequate', 'Requires improvement']);
    expect(e.findings.map((f) => f.kind)).toEqual([
      'area-for-improvement', 'cause-of-concern', 'recommendation', 'recommendation', 'recommendation', 'area-for-improvement', 'area-for-improvement',
    ]);
  });

  it('sniffs HTML by content even when it is named .txt', async () => {
    const doc = await readDocument('saved.txt', encode('<!DOCTYPE html><html><body><h1>Title</h1><p>Body &amp; more</p></body></html>'));
    expect(doc).toMatchObject({ format: 'html', text: 'Title\n\nBody & more' });
  });
});

describe('readDocument: text', () => {
  it('reads markdown by extension and text otherwise', async () => {
    expect((await readDocument('a.md', encode('# Heading'))).format).toBe('markdown');
    expect((await readDocument('a.txt', encode('Heading'))).format).toBe('text');
  });

  it('falls back to Windows-1252 for text that is not UTF-8', async () => {
    // "Zoë’s report – £5" in Windows-1252: ë=EB, ’=92, –=96, £=A3.
    const bytes = new Uint8Array([0x5a, 0x6f, 0xeb, 0x92, 0x73, 0x20, 0x72, 0x65, 0x70, 0x6f, 0x72, 0x74, 0x20, 0x96, 0x20, 0xa3, 0x35]);
    expect((await readDocument('old.txt', bytes)).text).toBe('Zoë’s report – £5');
  });

  it('reads UTF-16 LE and BE text with a byte-order mark (Notepad\'s "Unicode"), and sniffs UTF-16 HTML', async () => {
    const words = 'Areas for improvement\r\nThe force should improve how it records crime – £5 ’ ë';
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(words, 'utf16le')]);
    const be = new Uint8Array([0xfe, 0xff, ...Buffer.from(words, 'utf16le').swap16()]);
    const expected = 'Areas for improvement\nThe force should improve how it records crime – £5 ’ ë';
    expect(await readDocument('notepad.txt', le)).toMatchObject({ format: 'text', text: expected });
    expect(await readDocument('notepad-be.txt', be)).toMatchObject({ format: 'text', text: expected });
    const page = new Uint8Array([0xff, 0xfe, ...Buffer.from('<!DOCTYPE html><html><body><h1>Title</h1><p>Body</p></body></html>', 'utf16le')]);
    expect(await readDocument('saved.txt', page)).toMatchObject({ format: 'html', text: 'Title\n\nBody' });
    const odd = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42]);
    expect((await refusal(readDocument('odd.txt', odd))).message).toBe('odd.txt is a damaged UTF-16 text file (it has an odd number of bytes).');
  });

  it('normalises Windows line endings and drops a byte-order mark', async () => {
    expect((await readDocument('a.txt', encode('\uFEFFone\r\ntwo'))).text).toBe('one\ntwo');
  });
});

describe('readDocument: bad input', () => {
  it('refuses an empty file', async () => {
    const error = await refusal(readDocument('empty.txt', new Uint8Array()));
    expect(error.code).toBe('unreadable');
    expect(error.message).toContain('the file is empty');
  });

  it('refuses a file over the size limit', async () => {
    const error = await refusal(readDocument('huge.txt', new Uint8Array(IMPORT_LIMITS.maxFileBytes + 1)));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('64 MB');
  });

  it('refuses binary junk named .pdf and binary junk named .txt', async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect((await refusal(readDocument('report.pdf', junk))).code).toBe('unreadable');
    expect((await refusal(readDocument('report.txt', junk))).message).toContain('binary');
  });

  it('refuses HTML nested thousands deep, and still reads a page nested a little under the limit', async () => {
    const deep = (n: number) => encode(`<html><body>${'<div>'.repeat(n)}Areas for improvement${'</div>'.repeat(n)}</body></html>`);
    const error = await refusal(readDocument('deep.html', deep(50_000)));
    expect(error.code).toBe('unreadable');
    expect(error.message).toMatch(/nests elements more than 2,000 deep/);
    expect((await readDocument('nested.html', deep(IMPORT_LIMITS.maxHtmlDepth - 10))).text).toBe('Areas for improvement');
  });

  it('refuses a truncated PDF, naming it', async () => {
    const whole = bytesOf('peel-2016-legitimacy-report.pdf');
    const error = await refusal(readDocument('cut.pdf', whole.subarray(0, 1500)));
    expect(error.code).toBe('unreadable');
    expect(error.message).toContain('cut.pdf');
  });

  it('refuses a password-protected PDF', async () => {
    const error = await refusal(readDocument('locked.pdf', bytesOf('encrypted-peel-2016.pdf')));
    expect(error.code).toBe('unreadable');
    expect(error.message).toContain('password-protected');
  });

  it('refuses a zip bomb named .docx before unpacking it', async () => {
    const error = await refusal(readDocument('bomb.docx', zipBomb()));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('looks like a zip bomb');
  });

  it('refuses a zip that is not a Word document', async () => {
    const error = await refusal(readDocument('data.docx', zipOf('data.csv', encode('a,b\n1,2'))));
    expect(error.code).toBe('unsupported-format');
  });
});

/** A one-entry zip whose "word/document.xml" inflates to 300 MB of zeros. */
function zipBomb(): Uint8Array {
  return zipOf('word/document.xml', new Uint8Array(300 * 1024 * 1024));
}

function zipOf(name: string, content: Uint8Array): Uint8Array {
  const data = deflateRawSync(content, { level: 9 });
  const fileName = encode(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const centralOffset = local.length + fileName.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return new Uint8Array(Buffer.concat([local, fileName, data, central, fileName, end]));
}
