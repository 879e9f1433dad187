import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxPart, docxParagraphs } from '../../../tests/fixtures/paper/docx-text';
import type { DocxParagraph } from '../../../tests/fixtures/paper/docx-text';
import { LEGITIMACY_2016 } from '../../../tests/fixtures/paper/legitimacy-2016';
import {
  LEGITIMACY_2017,
  LEGITIMACY_2017_FINDINGS,
  PAPER_2017,
  PAPER_2017_SETTINGS,
} from '../../../tests/fixtures/paper/legitimacy-2017';
import { buildPaper } from './build-paper';
import { renderPaperDocx } from './render-docx';

const MODEL = join(__dirname, '../../../tests/fixtures/board-paper-2018-01-peel-legitimacy-2017.txt');

const straighten = (s: string): string =>
  s
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

/** Bold or italic stretches of the model's **…** / *…* markup, in order. */
function markedSpans(paragraph: string, marker: '**' | '*'): string[] {
  const pattern = marker === '**' ? /\*\*(.+?)\*\*/g : /(?<!\*)\*(?!\*)(.+?)(?<!\*)\*(?!\*)/g;
  return [...paragraph.matchAll(pattern)].map((m) => straighten(m[1] ?? ''));
}

/** The model's paragraphs, expected value of the golden test. */
function modelParagraphs(): string[] {
  const blocks = readFileSync(MODEL, 'utf8')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean)
    // List items ("- I. …") and bibliography rows (label, tab, value) sit on consecutive lines, one a paragraph.
    .flatMap((b) => {
      const lines = b.split('\n');
      return lines.every((line) => line.startsWith('- ') || line.includes('\t')) ? lines : [b];
    });
  // The text conversion shows the first-page strapline twice: a lone "Creating a safer" from the page's
  // text box, then the full two-line strapline of the body. The body's copy is the one the paper has.
  if (blocks[0] === 'Creating a safer') blocks.shift();
  const joined: string[] = [];
  for (const block of blocks) {
    // Two paragraphs of the model are split mid-sentence by a stray line break ("with\n\nthe following
    // comments", "Development\n\nwith strategic oversight"): a block starting in lower case continues the last.
    if (/^[a-z]/.test(block) && joined.length > 0) joined[joined.length - 1] += ` ${block}`;
    else joined.push(block);
  }
  return joined;
}

function normaliseModel(block: string): string {
  return straighten(
    block
      .replace(/\*/g, '')
      // List markers: ours come from Word numbering (checked on their own below), not from the text.
      .replace(/^- (?:[IVXLC]+\. )?/, '')
      // The model writes "3 Background" where every other heading has "3." — one house style for all.
      .replace(/^(\d) (?=[A-Z])/, '$1. '),
  );
}

let docx: Uint8Array;
let paragraphs: DocxParagraph[];

beforeAll(async () => {
  const model = buildPaper({
    report: LEGITIMACY_2017,
    findings: LEGITIMACY_2017_FINDINGS,
    history: [LEGITIMACY_2016],
    settings: PAPER_2017_SETTINGS,
    paper: PAPER_2017,
  });
  docx = await renderPaperDocx(model, { author: PAPER_2017_SETTINGS.author });
  paragraphs = docxParagraphs(docx).filter((p) => p.text.trim() !== '');
});

describe('the 2017 Legitimacy board paper as .docx', () => {
  it('reads paragraph by paragraph as the force’s paper of 16 January 2018', () => {
    const expected = modelParagraphs().map(normaliseModel);
    expect(paragraphs.map((p) => straighten(p.text))).toEqual(expected);
  });

  it('puts bold and italics where the model does', () => {
    const model = modelParagraphs();
    const withMarkup = model.filter((b) => b.includes('*'));
    expect(withMarkup.length).toBeGreaterThanOrEqual(4);
    for (const block of withMarkup) {
      const ours = paragraphs.find((p) => straighten(p.text) === normaliseModel(block));
      expect(ours, block).toBeDefined();
      const spans = (key: 'bold' | 'italic'): string[] => {
        const out: string[] = [];
        let open = false;
        for (const run of ours?.runs ?? []) {
          if (run[key] && open) out[out.length - 1] += run.text;
          else if (run[key]) out.push(run.text);
          open = run[key];
        }
        return out.map(straighten).filter(Boolean);
      };
      expect(spans('bold')).toEqual(markedSpans(block, '**'));
      expect(spans('italic')).toEqual(markedSpans(block, '*'));
    }
  });

  it('numbers the six AFIs I. to VI. with a real upper-roman list', () => {
    const listed = paragraphs.filter((p) => p.numId !== null);
    expect(listed).toHaveLength(6);
    expect(new Set(listed.map((p) => p.numId)).size).toBe(1);
    expect(listed[0]?.text).toMatch(/^The force needs to ensure that its data for use of force/);
    const numbering = docxPart(docx, 'word/numbering.xml');
    expect(numbering).toMatch(/<w:numFmt w:val="upperRoman"\/>/);
    expect(numbering).toMatch(/<w:lvlText w:val="%1\."\/>/);
  });

  it('uses Title and Heading 1 styles, a body style and a bibliography table', () => {
    const styleOf = (text: string): string | null | undefined => paragraphs.find((p) => p.text.startsWith(text))?.style;
    expect(styleOf('An update on the publication')).toBe('Title');
    expect(styleOf('4. Findings')).toBe('Heading1');
    expect(styleOf('BIBLIOGRAPHY')).toBe('Heading1');
    expect(styleOf('4.1')).toBe('PaperBody');
    expect(paragraphs.filter((p) => p.style === 'table-row')).toHaveLength(2);
  });

  it('records title, author and description in the document properties, and page numbers in the footer', () => {
    const core = docxPart(docx, 'docProps/core.xml');
    expect(core).toContain('<dc:title>An update on the publication of the PEEL Legitimacy report by Her Majesty’s Inspectorate');
    expect(core).toContain('<dc:creator>Chief Constable</dc:creator>');
    expect(core).toContain('<dc:description>Board paper for the Business Coordination Board');
    expect(core).toMatch(/<dcterms:created xsi:type="dcterms:W3CDTF">\d{4}-\d{2}-\d{2}T/);
    const footers = ['word/footer1.xml', 'word/footer2.xml'].map((part) => docxPart(docx, part)).join('');
    expect(footers).toContain('PAGE');
    expect(footers).toContain('NUMPAGES');
    const headers = ['word/header1.xml', 'word/header2.xml'].map((part) => docxPart(docx, part)).join('');
    expect(headers).toContain('Creating a safer Cambridgeshire');
  });

  it('places a PNG logo in the header when given one', async () => {
    // A 2×1 PNG: the header records its aspect ratio.
    const png = Uint8Array.from(
      Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAADklEQVR4nGP4z8DwH4QBEfcD/ePF9e8AAAAASUVORK5CYII=', 'base64'),
    );
    const model = buildPaper({ report: LEGITIMACY_2017, findings: [], history: [], settings: PAPER_2017_SETTINGS, paper: PAPER_2017 });
    const withLogo = await renderPaperDocx(model, { author: 'Chief Constable', logo: png });
    const listing = execFileSync('unzip', ['-l', writeTemp(withLogo)], { encoding: 'utf8' });
    expect(listing).toMatch(/word\/media\/.+\.png/);
    await expect(renderPaperDocx(model, { author: 'x', logo: new Uint8Array([1, 2, 3]) })).rejects.toMatchObject({ code: 'unsupported-format' });
  });
});

function writeTemp(bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'paper-')), 'paper.docx');
  writeFileSync(file, bytes);
  return file;
}

const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!hasSoffice)('LibreOffice (skipped: soffice is not installed)', () => {
  it('converts the paper to PDF, with the roman numbering and page numbers laid out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paper-pdf-'));
    const file = join(dir, 'paper.docx');
    writeFileSync(file, docx);
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${dir}/lo`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const pdf = join(dir, 'paper.pdf');
    expect(existsSync(pdf)).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/^\s*I\.\s+The force needs to ensure/m);
    expect(text).toMatch(/^\s*VI\.\s+The force should ensure it develops/m);
    expect(text).toMatch(/Page 1 of 2/);
    // Page 1 as an image, for a person to look at: /tmp/paper-2017-page-1.png
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, '/tmp/paper-2017-page-1']);
    expect(existsSync('/tmp/paper-2017-page-1.png')).toBe(true);
  }, 180_000);
});
