import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../../../tests/helpers/corpus';
import type { DocumentText } from '../ingest/document-text';
import { readDocument } from '../ingest/read-document';
import { forceMustAct } from './addressee';
import { extract } from './extract';
import { summariseExtraction } from './summary';

const read = (name: string): Promise<DocumentText> => readDocument(name, new Uint8Array(readFileSync(join(CORPUS_DIR, name))));
const textDoc = (text: string): DocumentText => ({ format: 'text', text, pages: [] });

describe('PEEL 2023–25 as a PDF', () => {
  const doc = read('peel-2023-25-harrowfield.pdf');

  it('drops the running header, page numbers and contents lines, and joins hyphenated words', async () => {
    const { text } = await doc;
    expect(text).not.toContain('PEEL 2023–2025: Police effectiveness, efficiency and legitimacy – Harrowfield Police');
    expect(text).not.toMatch(/\.{5,}/);
    expect(text).not.toMatch(/^\d+$/m);
    // Broken at line ends by LibreOffice's hyphenation: "ex-ternal", "con-stable", "work-force".
    expect(text).toContain('Its external scrutiny panels');
    expect(text).toContain('The chief constable has set out clear priorities');
    expect(text).toContain('body-worn video');
  });

  it('reads the judgments table row by row, a wrapped cell in one piece', async () => {
    const { text, blocks = [] } = await doc;
    expect(text).toContain('Building, supporting and protecting the workforce\tAdequate\nLeadership and force management\tRequires improvement');
    const rows = blocks.filter((b) => b.kind === 'table-row');
    expect(rows).toHaveLength(11);
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => text.slice(b.start, b.end))).toContain('Protecting vulnerable people');
  });

  it('keeps the two-column cover in reading order and reads its metadata', async () => {
    const e = extract(await doc);
    expect((await doc).text.startsWith(
      'PEEL 2023–2025\n\nPolice effectiveness, efficiency and legitimacy\n\nAn inspection of Harrowfield Police\n\nPublished: 21 May 2024\n\n',
    )).toBe(true);
    expect(e).toMatchObject({ period: '2023–2025', published: '2024-05-21', title: 'PEEL 2023–2025: Police effectiveness, efficiency and legitimacy' });
  });

  it('gives each finding the page it is printed on and its area', async () => {
    const e = extract(await doc);
    const pages = e.findings.map((f) => [f.kind, f.question, f.anchor?.page]);
    expect(pages[0]).toEqual(['area-for-improvement', 'Police powers and public treatment', 4]);
    expect(pages.at(-1)).toEqual(['area-for-improvement', 'Leadership and force management', 5]);
    expect(e.findings.filter((f) => f.kind === 'recommendation').every((f) => f.due === '2024-09-30' && f.addressee === 'the force')).toBe(true);
  });

  it('summarises the import for the officer', async () => {
    expect(summariseExtraction(extract(await doc))).toBe('8 findings and 10 grades found');
  });
});

describe('PEEL 2021/22 judgments grouped by grade', () => {
  it('reads each grade heading and the areas under it, and grades nothing for "No areas were judged as …" or the victim service', async () => {
    const e = extract(await read('peel-2021-22-northmoor.html'));
    expect(e.judgments.filter((j) => j.grade === 'Outstanding')).toEqual([]);
    expect(e.judgments.some((j) => /victim/i.test(j.question ?? ''))).toBe(false);
    const listed = e.judgments.filter((j) => j.foundBy === 'list').map((j) => [j.question, j.grade]);
    expect(listed).toContainEqual(['Strategic planning, organisational management and value for money', 'Adequate']);
  });

  it('reads a grade-column table from a PDF, two areas in one cell kept apart', async () => {
    const doc = await read('peel-2021-22-thornbury.pdf');
    expect(doc.text).toContain('Investigating crime; Protecting vulnerable people');
    const e = extract(doc);
    expect(e.judgments.filter((j) => j.grade === 'Good').map((j) => j.question)).toEqual([
      'Investigating crime',
      'Protecting vulnerable people',
      'Managing offenders and suspects',
    ]);
  });
});

describe('PEEL 2015–2017 single-pillar reports', () => {
  it('types a page whose banner spells PEEL out by its own pillar, not "Integrated"', async () => {
    expect(extract(await read('peel-2016-legitimacy-sowerby.html')).inspectionType).toBe('Legitimacy');
  });

  it('reads a question heading that wraps over two lines in a PDF as one heading', async () => {
    const doc = await read('peel-2016-effectiveness-eastmarch.pdf');
    expect(doc.text).toContain('\n\nHow effective is the force at protecting from harm those who are vulnerable, and supporting victims?\n\nInadequate\n\n');
  });

  it('gives leadership no grade: its judgment is narrative only', async () => {
    for (const name of ['peel-2015-leadership-dunmere.html', 'peel-2017-leadership-kestrel-bay.txt']) {
      const e = extract(await read(name));
      expect(e).toMatchObject({ inspectionType: 'Leadership', judgments: [], findings: [] });
    }
  });

  it('marks an area for improvement that remains from the previous inspection', async () => {
    const e = extract(await read('peel-2017-legitimacy-wyre.txt'));
    expect(e.findings.filter((f) => f.carriedOver).map((f) => f.text)).toEqual([
      'The force should make sure that it refers all relevant complaints to the Independent Police Complaints Commission.',
    ]);
  });
});

describe('PEEL 2018/19 integrated', () => {
  it('reads the year each component was last inspected from the summary table', async () => {
    const e = extract(await read('peel-2018-19-integrated-dunmere.pdf'));
    const years = Object.fromEntries(e.judgments.filter((j) => j.question).map((j) => [j.question, j.lastInspected]));
    expect(years['Tackling serious and organised crime']).toBe('2017');
    expect(years['Investigating crime']).toBe('2018/19');
  });
});

describe('thematic, joint and national reports', () => {
  it('reads every recommendation with its addressee and deadline, once though the annex repeats them', async () => {
    const e = extract(await read('thematic-2024-vetting.pdf'));
    expect(e.findings.map((f) => [f.kind, f.addressee, f.due])).toEqual([
      ['recommendation', 'chief constables', '2025-03-31'],
      ['recommendation', 'chief constables', '2025-03-31'],
      ['recommendation', 'the College of Policing', '2024-09-30'],
      ['recommendation', "the National Police Chiefs' Council lead for counter-corruption", '2024-12-31'],
      ['recommendation', 'the Home Office', null],
      ['area-for-improvement', 'forces', null],
      ['area-for-improvement', 'forces', null],
    ]);
  });

  it('knows which of them the force must act on', async () => {
    const e = extract(await read('thematic-2024-vetting.pdf'));
    expect(e.findings.map((f) => forceMustAct(f.addressee, 'Northmoor Police'))).toEqual([true, true, false, false, false, true, true]);
  });

  it('names no force and no PEEL period for a report about policing as a whole', async () => {
    for (const name of ['thematic-2024-vetting.pdf', 'thematic-2023-stalking.html', 'national-2024-state-of-policing.docx']) {
      expect(extract(await read(name)), name).toMatchObject({ force: null, period: null, judgments: [] });
    }
  });
});

describe('press releases, PCC and news pages, minutes', () => {
  it('reads grades from sentences and classes each as what it is', async () => {
    const kinds = await Promise.all(
      ['press-2022-northmoor.html', 'pcc-2022-thornbury.html', 'news-2023-sowerby.txt', 'minutes-2018-wyre.docx', 'minutes-2022-eastmarch.pdf'].map(
        async (name) => extract(await read(name)).kind,
      ),
    );
    expect(kinds).toEqual(['press-release', 'press-release', 'press-release', 'other', 'other']);
  });

  it('does not title a minute by its agenda item', async () => {
    const e = extract(await read('minutes-2018-wyre.docx'));
    expect(e.title).toBe('Wyre and Fenland Police and Crime Panel');
  });

  it('reads each phrasing the issue lists', () => {
    const cases: Array<[string, Array<[string | null, string | null, string]>]> = [
      ["Northmoor Police is 'good' at preventing crime and tackling anti-social behaviour.", [[null, 'Preventing crime and tackling anti-social behaviour', 'Good']]],
      ["The force was found to be 'requires improvement' at investigating crime and reducing re-offending.", [[null, 'Investigating crime and reducing re-offending', 'Requires improvement']]],
      ['## Efficiency\n\nWe looked at how efficiently the force operates. We judged it to be good.', [['Efficiency', null, 'Good']]],
      ['Northmoor Police has been assessed as good in the legitimacy with which it keeps people safe and reduces crime.', [['Legitimacy', null, 'Good']]],
      ["Members noted that performance within the 'developing a positive workforce' category required improvement.", [[null, 'Developing a positive workforce', 'Requires improvement']]],
      ["# Northmoor Police's effectiveness at keeping people safe and reducing crime is good", [['Effectiveness', null, 'Good']]],
    ];
    for (const [text, want] of cases) {
      const e = extract(textDoc(`Northmoor Police news\n\nThe inspectorate said:\n\n${text}`));
      expect(e.judgments.map((j) => [j.pillar, j.question, j.grade]), text).toEqual(want);
      expect(e.judgments.every((j) => j.foundBy === 'sentence')).toBe(true);
    }
  });

  it('gives a grade to the areas listed after it', () => {
    const text = 'Northmoor Police news\n\nHMICFRS said the force was judged to be good in the following areas:\n\n- investigating crime;\n- managing offenders.\n\nIt was found to be inadequate at:\n\n- responding to the public.';
    expect(extract(textDoc(text)).judgments.map((j) => [j.question, j.grade, j.foundBy])).toEqual([
      ['Investigating crime', 'Good', 'list'],
      ['Managing offenders', 'Good', 'list'],
      ['Responding to the public', 'Inadequate', 'list'],
    ]);
  });

  it('grades nothing in a scale, a history or a figure of speech', () => {
    const text = [
      'Northmoor Police news',
      'The inspectorate grades forces as outstanding, good, adequate, requires improvement or inadequate.',
      'In 2019, HMICFRS judged the force to be inadequate at investigating crime.',
      'Officers are good at building rapport with victims, and there is a good example of joint working.',
      'The force was graded good or adequate in most areas.',
      'The force has made good progress.',
    ].join('\n\n');
    const e = extract(textDoc(`${text}\n\nPublished 3 May 2022 after the PEEL 2021/22 inspection; HMICFRS said it was pleased.`));
    expect(e.judgments).toEqual([]);
  });
});

describe('a layout with nothing to read', () => {
  it('imports with "No judgments found — add them by hand", never an error', async () => {
    const e = extract(await read('briefing-2020-kestrel-bay.txt'));
    expect(e).toMatchObject({ kind: 'other', judgments: [], findings: [] });
    expect(summariseExtraction(e)).toBe('No judgments found — add them by hand');
  });
});
