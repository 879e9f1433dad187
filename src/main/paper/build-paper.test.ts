import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/domain/default-settings';
import type { Report } from '../../shared/domain/report';
import { INTEGRATED_2018_19, INTEGRATED_2018_19_FINDINGS } from '../../../tests/fixtures/paper/integrated-2018-19';
import { LEGITIMACY_2016, LEGITIMACY_2016_FINDINGS } from '../../../tests/fixtures/paper/legitimacy-2016';
import {
  LEGITIMACY_2017,
  LEGITIMACY_2017_FINDINGS,
  PAPER_2017,
  PAPER_2017_SETTINGS,
} from '../../../tests/fixtures/paper/legitimacy-2017';
import { buildPaper } from './build-paper';
import type { PaperInput } from './build-paper';
import { runsToText } from '../../shared/domain/paper-markup';
import type { PaperModel, PaperParagraph } from '../../shared/domain/paper-model';

function paragraph(model: PaperModel, key: string): PaperParagraph {
  const found = model.sections.flatMap((s) => s.paragraphs).find((p) => p.key === key);
  if (!found) throw new Error(`no paragraph ${key}`);
  return found;
}
const text = (model: PaperModel, key: string): string => runsToText(paragraph(model, key).runs);
const items = (model: PaperModel, key: string): string[] =>
  (paragraph(model, key).list?.groups ?? []).flatMap((g) => g.items.map(runsToText));

const paper2017 = (over: Partial<PaperInput> = {}): PaperModel =>
  buildPaper({
    report: LEGITIMACY_2017,
    findings: LEGITIMACY_2017_FINDINGS,
    history: [LEGITIMACY_2016],
    settings: PAPER_2017_SETTINGS,
    paper: PAPER_2017,
    ...over,
  });

describe('buildPaper — 2017 Legitimacy (single pillar)', () => {
  it('states each question’s change since 2016 as the board paper does', () => {
    expect(items(paper2017(), '4.2')).toEqual([
      'To what extent does the force treat all of the people it serves with fairness and respect? Assessed as good (no change from 2016).',
      'How well does the force ensure that its workforce behaves ethically and lawfully? Assessed as good (an improvement on 2016).',
      'To what extent does the force treat its workforce with fairness and respect? Assessed as good (no change from 2016).',
    ]);
  });

  it('says nothing about change when there is no earlier report, and ignores later ones', () => {
    const alone = paper2017({ history: [] });
    expect(items(alone, '4.2')[0]).toBe('To what extent does the force treat all of the people it serves with fairness and respect? Assessed as good.');
    const paper2016 = buildPaper({ report: LEGITIMACY_2016, findings: LEGITIMACY_2016_FINDINGS, history: [LEGITIMACY_2017], settings: DEFAULT_SETTINGS, paper: null });
    expect(items(paper2016, '4.2')[1]).toBe('How well does the force ensure that its workforce behaves ethically and lawfully? Assessed as requiring improvement.');
  });

  it('reports a decline against the latest earlier grade', () => {
    const later: Report = {
      ...LEGITIMACY_2017,
      id: 'later',
      // Its own file: a report with the 2017 report's file would be a copy of it, never a later inspection.
      sha256: 'b'.repeat(64),
      period: '2018',
      published: '2018-12-01',
      judgments: LEGITIMACY_2017.judgments.map((j, i) => (i === 2 ? { ...j, grade: 'Requires improvement' as const } : j)),
    };
    const model = buildPaper({ report: later, findings: [], history: [LEGITIMACY_2016, LEGITIMACY_2017], settings: DEFAULT_SETTINGS, paper: null });
    expect(items(model, '4.2')[1]).toMatch(/Assessed as requiring improvement \(a decline from 2017\)\.$/);
  });

  it('derives 4.6 from tracking, with the paper’s wording when every AFI has an owner', () => {
    const derived = paper2017({ paper: { ...PAPER_2017, paragraphs: {} } });
    expect(paragraph(derived, '4.6').origin).toBe('default');
    expect(text(derived, '4.6')).toBe(PAPER_2017.paragraphs['4.6']?.replace('force’s', "force's"));
    const oneUnowned = LEGITIMACY_2017_FINDINGS.map((f, i) => (i === 0 ? { ...f, tracking: { ...f.tracking, owner: null } } : f));
    expect(text(paper2017({ findings: oneUnowned, paper: null }), '4.6')).toMatch(/^The force has considered all the AFIs and allocated owners to five of the six/);
  });

  it('lets the officer override any paragraph, keeping the default to revert to', () => {
    const model = paper2017({ paper: { ...PAPER_2017, paragraphs: { '4.4': 'The **six** AFIs were:' } } });
    const p = paragraph(model, '4.4');
    expect(p.origin).toBe('edited');
    expect(p.runs).toEqual([{ text: 'The ' }, { text: 'six', bold: true }, { text: ' AFIs were:' }]);
    expect(p.defaultText).toMatch(/^HMICFRS identified a number of “areas for improvement”/);
    expect(items(model, '4.4')).toHaveLength(6);
    expect(paragraph(paper2017(), '4.3').origin).toBe('edited');
    expect(paragraph(paper2017(), '3.1').origin).toBe('derived');
  });

  it('dates the paper and its header in words', () => {
    const model = paper2017();
    expect(model.header).toEqual({ strapline: 'Creating a safer\nCambridgeshire', to: 'Business Coordination Board', from: 'Chief Constable', date: '16 January 2018' });
  });
});

describe('buildPaper — 2016 Legitimacy (HMIC, with a cause of concern)', () => {
  const model = buildPaper({ report: LEGITIMACY_2016, findings: LEGITIMACY_2016_FINDINGS, history: [], settings: DEFAULT_SETTINGS, paper: null });

  it('names the inspectorate as it was before July 2017', () => {
    expect(model.title).toBe('An update on the publication of the PEEL Legitimacy report by Her Majesty’s Inspectorate of Constabulary');
    expect(text(model, '3.1')).toMatch(/^HMIC independently inspects.*The 2016 Legitimacy report was published on 8 December 2016\.$/);
  });

  it('lists the cause of concern and the four recommendations under their lead-in', () => {
    expect(text(model, '4.5')).toBe(
      'HMIC identified one “cause of concern” (a serious or critical shortcoming in practice, policy or performance) during the inspection, and made four recommendations for the force:',
    );
    const list = paragraph(model, '4.5').list;
    expect(list?.style).toBe('bullet');
    expect(list?.groups[0]?.items.map((i) => runsToText(i))).toEqual([
      'The risks that HMIC identified in 2014 and the lack of progress of the recommendations, until recently following the collapse of a court case, is of serious concern.',
    ]);
    expect(runsToText(list?.groups[1]?.heading ?? [])).toMatch(/^Cambridgeshire Constabulary, together with the other forces in the alliance/);
    expect(list?.groups[1]?.items).toHaveLength(4);
    expect(items(model, '4.4')).toHaveLength(4);
  });
});

describe('buildPaper — PEEL 2018/19 integrated', () => {
  const model = buildPaper({
    report: INTEGRATED_2018_19,
    findings: INTEGRATED_2018_19_FINDINGS,
    history: [LEGITIMACY_2016, LEGITIMACY_2017],
    settings: DEFAULT_SETTINGS,
    paper: { title: '', date: '2020-03-10', paragraphs: {} },
  });

  it('gives each pillar’s judgment in 4.1', () => {
    expect(text(model, '4.1')).toMatch(/gave judgments of “good” for effectiveness, “good” for efficiency and “good” for legitimacy, with the following comments from Zoë Billingham/);
    expect(text(model, '3.1')).toMatch(/on the effectiveness, efficiency and legitimacy of police forces.*published in February 2020\.$/);
  });

  it('groups components by pillar with carried-over judgments and changes since 2017', () => {
    const groups = paragraph(model, '4.2').list?.groups ?? [];
    expect(groups.map((g) => runsToText(g.heading ?? []))).toEqual(['Effectiveness (good)', 'Efficiency (good)', 'Legitimacy (good)']);
    expect(groups.map((g) => g.items.length)).toEqual([5, 2, 3]);
    expect(groups[2]?.items.map(runsToText)).toEqual([
      'Fair treatment of the public: assessed as good (judgment carried over from 2017).',
      'Ethical and lawful workforce behaviour: assessed as good (no change from 2017).',
      'Fair treatment of the workforce: assessed as good (judgment carried over from 2017).',
    ]);
    expect(runsToText(groups[0]?.items[4] ?? [])).toBe('Armed response capability: not graded.');
  });

  it('groups the AFIs by pillar and component in the report’s order, numbered as one list', () => {
    const list = paragraph(model, '4.4').list;
    expect(list?.style).toBe('roman');
    expect(list?.groups.map((g) => runsToText(g.heading ?? []))).toEqual([
      'Effectiveness — Preventing crime and tackling anti-social behaviour',
      'Effectiveness — Investigating crime',
      'Efficiency — Planning for the future',
      'Legitimacy — Ethical and lawful workforce behaviour',
    ]);
    expect(list?.groups.map((g) => g.items.length)).toEqual([2, 1, 1, 1]);
    expect(runsToText(list?.groups[1]?.items[0] ?? [])).toMatch(/properly recorded\. \(this area for improvement remains from the previous inspection\)$/);
  });

  it('says 4.6 honestly when no owners are allocated yet', () => {
    expect(text(model, '4.6')).toMatch(/^The force is considering the AFIs and will allocate an owner to each\./);
  });
});
