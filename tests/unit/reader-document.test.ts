import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/main/extract';
import { readDocument } from '../../src/main/ingest/read-document';
import { blockInlines, documentBlocks, type DocBlock } from '../../src/renderer/features/reader/document-model';
import { findMatches, visibleText } from '../../src/renderer/features/reader/visible-text';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** Every stretch the reader shows, as the officer sees it (the runs joined). */
function shownParts(text: string, blocks: DocBlock[]): string[] {
  return blocks.flatMap((b) => blockInlines(b).map((p) => p.runs.map((r) => text.slice(r.start, r.end)).join('')));
}

/** What the reader shows of the stored range [start, end). */
function shownWithin(text: string, blocks: DocBlock[], start: number, end: number): string {
  const parts: string[] = [];
  for (const block of blocks) {
    for (const part of blockInlines(block)) {
      const inside = part.runs
        .filter((r) => r.end > start && r.start < end)
        .map((r) => text.slice(Math.max(r.start, start), Math.min(r.end, end)))
        .join('');
      if (inside) parts.push(inside);
    }
  }
  return parts.join(' ');
}

describe('the reader shows the 2018/19 report (markdown-ish text from a PDF) as a document', () => {
  const text = read('peel-2018-19-integrated-report.txt');
  const blocks = documentBlocks(text, []);
  const parts = shownParts(text, blocks);

  it('shows no heading hashes, bold markers, HTML tags or link markup', () => {
    for (const part of parts) {
      expect(part).not.toMatch(/^#/);
      expect(part).not.toMatch(/<\/?(b|sup)>/);
      expect(part).not.toContain('**');
      expect(part).not.toContain('](#)');
    }
    expect(parts.join('\n')).not.toMatch(/\[[^\]]+\]/);
  });

  it('reads the document title, the contents table and the overall summary table as the report lays them out', () => {
    const headings = blocks.filter((b) => b.type === 'heading').map((b) => shownParts(text, [b])[0]);
    expect(headings.slice(0, 4)).toEqual(['PEEL', 'Police effectiveness, efficiency and legitimacy 2018/19', 'Contents', 'What this report contains']);
    // Lines 117–119 of the file: the legitimacy rows of the overall summary.
    const legitimacy = blocks.find((b) => b.type === 'table' && shownParts(text, [b]).includes('Fair treatment of the public'));
    expect(legitimacy?.type).toBe('table');
    if (legitimacy?.type !== 'table') return;
    const rows = legitimacy.rows.map((r) => r.cells.map((c) => c.runs.map((x) => text.slice(x.start, x.end)).join('')));
    expect(rows).toEqual([
      ['', 'Legitimacy', '', 'Last inspected'],
      ['Fair treatment of the public', 'Good', '', '2017'],
      ['Ethical and lawful workforce behaviour', 'Good', '', '2018/19'],
      ['Fair treatment of the workforce', 'Good', '', '2017'],
    ]);
  });

  it('shows each area for improvement as a list item starting at its first word', () => {
    const afi = 'The force should monitor the effectiveness of its newly launched neighbourhood policing strategy and consistently hold staff to account for delivering effective performance outcomes.';
    const list = blocks.find((b) => b.type === 'list' && b.items.some((i) => text.slice(i.start, i.end) === afi));
    expect(list?.type === 'list' && list.items.length).toBe(3);
    expect(list?.type === 'list' && list.items[0]?.start).toBe(text.indexOf(afi));
  });

  it('every extracted item shows exactly its own words where the reader highlights it', () => {
    const e = extract({ format: 'text', text, pages: [] });
    expect(e.findings.length).toBeGreaterThan(10);
    for (const f of e.findings) {
      if (!f.anchor) continue;
      expect(shownWithin(text, blocks, f.anchor.start, f.anchor.end)).toBe(f.text);
    }
  });

  it('finds "Flagstone" once, where the link markup is hidden, at the word in the stored text', () => {
    const matches = findMatches(visibleText(text, blocks), 'Flagstone records');
    expect(matches).toEqual([{ start: text.indexOf('Flagstone records'), end: text.indexOf('Flagstone records') + 17 }]);
  });
});

describe('the reader shows other formats as documents', () => {
  it('the 2016 web page (HTML) has headings, the question as a heading, and bullets as lists', async () => {
    const doc = await readDocument('peel-2016-legitimacy-report.html', readFileSync(join(FIXTURES, 'peel-2016-legitimacy-report.html')));
    const blocks = documentBlocks(doc.text, doc.pages);
    const headings = blocks.filter((b) => b.type === 'heading').map((b) => shownParts(doc.text, [b])[0]);
    expect(headings).toContain('How legitimate is the force at keeping people safe and reducing crime?');
    const lists = blocks.filter((b) => b.type === 'list');
    expect(lists.length).toBeGreaterThanOrEqual(3);
    for (const part of shownParts(doc.text, lists)) expect(part).not.toMatch(/^•/);
  });

  it('the PDF keeps its page numbers on the first block of each of its four pages', async () => {
    const doc = await readDocument('peel-2016-legitimacy-report.pdf', readFileSync(join(FIXTURES, 'peel-2016-legitimacy-report.pdf')));
    const blocks = documentBlocks(doc.text, doc.pages);
    expect(blocks.filter((b) => b.pageStart !== null).map((b) => b.pageStart)).toEqual([1, 2, 3, 4]);
  });

  it('the board paper shows its bold as bold text and its roman-numbered list with the numbers', () => {
    const text = read('board-paper-2018-01-peel-legitimacy-2017.txt');
    const blocks = documentBlocks(text, []);
    const parts = shownParts(text, blocks);
    expect(parts).toContain('I. The force needs to ensure that its data for use of force (including body-worn video footage) is monitored by both an internal and an external group to provide oversight.');
    expect(parts.join('\n')).not.toContain('**');
    expect(parts.some((p) => p.includes('Assessed as good (no change from 2016).'))).toBe(true);
  });
});
