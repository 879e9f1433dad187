import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LEGITIMACY_2016 } from '../../../tests/fixtures/paper/legitimacy-2016';
import { LEGITIMACY_2017, LEGITIMACY_2017_FINDINGS, PAPER_2017, PAPER_2017_SETTINGS } from '../../../tests/fixtures/paper/legitimacy-2017';
import { buildPaper } from './build-paper';
import { renderPaperMarkdown, toRoman } from './render-markdown';

const model = buildPaper({ report: LEGITIMACY_2017, findings: LEGITIMACY_2017_FINDINGS, history: [LEGITIMACY_2016], settings: PAPER_2017_SETTINGS, paper: PAPER_2017 });
const markdown = renderPaperMarkdown(model);

describe('renderPaperMarkdown', () => {
  it('writes the numbered paragraphs, bold grades and the AFIs as I.–VI.', () => {
    expect(markdown).toContain('## 3. Background');
    expect(markdown).toContain('Assessed as **good** (an improvement on 2016).');
    expect(markdown).toMatch(/^I\. {2}The force needs to ensure/m);
    expect(markdown).toMatch(/^VI\. {2}The force should ensure it develops/m);
    expect(markdown).toContain('| **Contact Officer(s)** | C/Insp Chris Savage, HMICFRS Liaison Officer |');
  });

  it('counts in roman numerals', () => {
    expect([1, 4, 6, 9, 14, 40].map(toRoman)).toEqual(['I', 'IV', 'VI', 'IX', 'XIV', 'XL']);
  });

  const pandoc = spawnSync('pandoc', ['--version']).status === 0;
  it.skipIf(!pandoc)('is read by pandoc as an upper-roman list of six and a table (skipped without pandoc)', () => {
    const out = spawnSync('pandoc', ['-f', 'markdown', '-t', 'json'], { input: markdown, encoding: 'utf8' });
    const ast = JSON.parse(out.stdout) as { blocks: { t: string; c: unknown }[] };
    const lists = ast.blocks.filter((b) => b.t === 'OrderedList') as { c: [[number, { t: string }, unknown], unknown[]] }[];
    expect(lists).toHaveLength(1);
    expect(lists[0]?.c[0][1].t).toBe('UpperRoman');
    expect(lists[0]?.c[1]).toHaveLength(6);
    expect(ast.blocks.filter((b) => b.t === 'Table')).toHaveLength(1);
  });
});
