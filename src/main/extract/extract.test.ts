import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Extraction } from '../../shared/domain/extraction';
import type { DocumentText } from '../ingest/document-text';
import { extract } from './extract';
import { supportingLinkKey } from './link-key';

const fixtures = join(import.meta.dirname, '../../../tests/fixtures');
const textDoc = (text: string): DocumentText => ({ format: 'text', text, pages: [] });
const fixture = (name: string): DocumentText => textDoc(readFileSync(join(fixtures, name), 'utf8'));

const Q1_2016 = 'To what extent does the force treat all of the people it serves with fairness and respect?';
const Q2_2016 = 'How well does the force ensure that its workforce behaves ethically and lawfully?';
const Q3_2016 = 'To what extent does the force treat its workforce with fairness and respect?';

function expectAnchorsMatch(doc: DocumentText, e: Extraction): void {
  for (const item of [...e.judgments, ...e.findings, ...e.quotes]) {
    expect(item.anchor).not.toBeNull();
    if (item.anchor) expect(doc.text.slice(item.anchor.start, item.anchor.end)).toBe(item.anchor.quote);
  }
}

describe('PEEL 2016 legitimacy web report', () => {
  const doc = fixture('peel-2016-legitimacy-web-report.txt');
  const e = extract(doc);

  it('reads the metadata', () => {
    expect(Extraction.parse(e)).toEqual(e);
    expect(e).toMatchObject({
      kind: 'inspection-report',
      force: 'Cambridgeshire Constabulary',
      inspectorate: 'HMIC',
      programme: 'PEEL',
      inspectionType: 'Legitimacy',
      period: '2016',
      published: '2016-12-08',
    });
  });

  it('grades the pillar and its three questions', () => {
    expect(e.judgments.map((j) => [j.pillar, j.question, j.grade])).toEqual([
      ['Legitimacy', null, 'Good'],
      ['Legitimacy', Q1_2016, 'Good'],
      ['Legitimacy', Q2_2016, 'Requires improvement'],
      ['Legitimacy', Q3_2016, 'Good'],
    ]);
  });

  it('puts each area for improvement under its question', () => {
    const afis = e.findings.filter((f) => f.kind === 'area-for-improvement');
    expect(afis.map((f) => f.question)).toEqual([Q1_2016, Q2_2016, Q2_2016, Q3_2016]);
    expect(afis[1]?.text).toBe(
      'Annually, the force should produce a local counter-corruption strategic assessment and control strategy, to identify risks to the force’s integrity.',
    );
  });

  it('finds the cause of concern and its four recommendations with their lead-in', () => {
    const concerns = e.findings.filter((f) => f.kind === 'cause-of-concern');
    expect(concerns).toHaveLength(1);
    expect(concerns[0]?.question).toBe(Q2_2016);
    expect(concerns[0]?.text).toMatch(/^The risks that HMIC identified in 2014/);
    const recommendations = e.findings.filter((f) => f.kind === 'recommendation');
    expect(recommendations.map((r) => r.text)).toEqual([
      'review the capacity and capability of its professional standards department and anti-corruption unit to ensure they can manage their work effectively',
      'establish and operate effective processes for identifying and managing individuals at risk of corruption',
      'ensure it complies with all aspects of the current national guidelines for vetting',
      'improve its workforce’s understanding of all corruption prevention policies.',
    ]);
    for (const r of recommendations) {
      expect(r.leadIn).toBe(
        'Cambridgeshire Constabulary, together with the other forces in the alliance (Bedfordshire Police and Hertfordshire Constabulary) should:',
      );
    }
  });

  it('anchors everything to the exact passage', () => {
    expectAnchorsMatch(doc, e);
    expect(e.findings[0]?.anchor?.page).toBeNull();
  });
});

describe('PEEL 2018/19 integrated report', () => {
  const doc = fixture('peel-2018-19-integrated-report.txt');
  const e = extract(doc);

  it('reads the metadata', () => {
    expect(e).toMatchObject({
      kind: 'inspection-report',
      force: 'Cambridgeshire Constabulary',
      inspectorate: 'HMICFRS',
      programme: 'PEEL',
      inspectionType: 'Integrated',
      period: '2018/19',
    });
  });

  it('reads the three pillar grades and the ten components of the summary table', () => {
    expect(e.judgments.filter((j) => j.question === null).map((j) => [j.pillar, j.grade])).toEqual([
      ['Effectiveness', 'Good'],
      ['Efficiency', 'Good'],
      ['Legitimacy', 'Good'],
    ]);
    expect(e.judgments.filter((j) => j.question !== null).map((j) => [j.pillar, j.question, j.grade, j.lastInspected])).toEqual([
      ['Effectiveness', 'Preventing crime and tackling anti-social behaviour', 'Good', '2018/19'],
      ['Effectiveness', 'Investigating crime', 'Good', '2018/19'],
      ['Effectiveness', 'Protecting vulnerable people', 'Good', '2018/19'],
      ['Effectiveness', 'Tackling serious and organised crime', 'Good', '2016'],
      ['Effectiveness', 'Armed response capability', 'Ungraded', '2018/19'],
      ['Efficiency', 'Meeting current demands and using resources', 'Good', '2018/19'],
      ['Efficiency', 'Planning for the future', 'Good', '2018/19'],
      ['Legitimacy', 'Fair treatment of the public', 'Good', '2017'],
      ['Legitimacy', 'Ethical and lawful workforce behaviour', 'Good', '2018/19'],
      ['Legitimacy', 'Fair treatment of the workforce', 'Good', '2017'],
    ]);
  });

  it('puts every area for improvement under its component, the remaining one once and carried over', () => {
    const count = (question: string): number => e.findings.filter((f) => f.question === question).length;
    expect(count('Preventing crime and tackling anti-social behaviour')).toBe(3);
    expect(count('Investigating crime')).toBe(1);
    expect(count('Protecting vulnerable people')).toBe(2);
    expect(count('Meeting current demands and using resources')).toBe(0);
    expect(count('Planning for the future')).toBe(2);
    expect(count('Ethical and lawful workforce behaviour')).toBe(3);
    expect(e.findings).toHaveLength(11);
    expect(e.findings.every((f) => f.kind === 'area-for-improvement')).toBe(true);
    const carried = e.findings.filter((f) => f.carriedOver);
    expect(carried.map((f) => f.text)).toEqual([
      'The force should ensure regular and active supervision of the quality and progress of investigations. This supervision should be properly recorded.',
    ]);
    expect(carried[0]?.pillar).toBe('Effectiveness');
  });

  it("quotes HM Inspector's observations with her name", () => {
    expect(e.quotes).toHaveLength(5);
    expect(e.quotes.every((q) => q.speaker === 'Zoë Billingham')).toBe(true);
    expect(e.quotes[0]?.text).toMatch(/^I am very pleased with Cambridgeshire Constabulary's performance/);
    expectAnchorsMatch(doc, e);
  });
});

describe('press release, transcript and board paper', () => {
  it('reads the 2016 press release as a supporting document with the HM Inspector’s quotes', () => {
    const e = extract(fixture('hmic-2016-legitimacy-press-release.txt'));
    expect(e).toMatchObject({ kind: 'press-release', force: 'Cambridgeshire Constabulary', inspectorate: 'HMIC', period: '2016' });
    expect(e.quotes).toHaveLength(6);
    expect(e.quotes.every((q) => q.speaker === 'Zoë Billingham')).toBe(true);
    expect(e.quotes[0]?.text).toMatch(/^Cambridgeshire Constabulary has performed well in this inspection\./);
    expect(e.quotes[5]?.text).toMatch(/I will continue to monitor how the force performs in this area\.$/);
    expect(e.findings).toEqual([]);
  });

  it('links the press release to the 2016 web report, and the 2017 board paper to neither', () => {
    const report = supportingLinkKey(extract(fixture('peel-2016-legitimacy-web-report.txt')));
    const release = supportingLinkKey(extract(fixture('hmic-2016-legitimacy-press-release.txt')));
    const paper = supportingLinkKey(extract(fixture('board-paper-2018-01-peel-legitimacy-2017.txt')));
    expect(report).not.toBeNull();
    expect(release).toBe(report);
    expect(paper).not.toBe(report);
    expect(paper).toBe(supportingLinkKey(extract(textDoc('Cambridgeshire PEEL 2017\n\nLegitimacy\n\nCambridgeshire Constabulary'))));
  });

  it('reads the transcript as quotes of the HMI named in its title', () => {
    const e = extract(fixture('hmi-assessment-transcript.txt'));
    expect(e.kind).toBe('transcript');
    expect(e.force).toBe('Cambridgeshire Constabulary');
    expect(e.quotes).toHaveLength(11);
    expect(e.quotes.every((q) => q.speaker === 'Zoë Billingham')).toBe(true);
    expect(e.quotes[0]?.text).toMatch(/^I am satisfied with most aspects/);
  });

  it('reads the board paper: date, judgments, stated changes and its six AFIs', () => {
    const e = extract(fixture('board-paper-2018-01-peel-legitimacy-2017.txt'));
    expect(e).toMatchObject({ kind: 'board-paper', published: '2018-01-16', period: '2017', inspectionType: 'Legitimacy' });
    expect(e.judgments.map((j) => [j.pillar, j.question, j.grade])).toEqual([
      ['Legitimacy', null, 'Good'],
      ['Legitimacy', Q1_2016, 'Good'],
      ['Legitimacy', Q2_2016, 'Good'],
      ['Legitimacy', Q3_2016, 'Good'],
    ]);
    expect(e.statedChanges.map((s) => [s.question, s.grade, s.change, s.sinceYear])).toEqual([
      [Q1_2016, 'Good', 'no-change', '2016'],
      [Q2_2016, 'Good', 'improved', '2016'],
      [Q3_2016, 'Good', 'no-change', '2016'],
    ]);
    expect(e.findings).toHaveLength(6);
    expect(e.findings.every((f) => f.kind === 'area-for-improvement')).toBe(true);
    expect(e.findings[0]?.text).toMatch(/^The force needs to ensure that its data for use of force/);
    expect(e.findings[5]?.text).toMatch(/^The force should ensure it develops and supports its supervisors/);
  });
});

describe('other layouts', () => {
  it('reads a 2021/22-style markdown report with Adequate grades and numbered areas for improvement', () => {
    const text = [
      '# PEEL 2021/22',
      '## Police effectiveness, efficiency and legitimacy',
      'An inspection of Wessex Constabulary',
      '',
      'Published 14 June 2022',
      '',
      '## Investigating crime',
      '',
      'Adequate',
      '',
      'The force needs to improve how it supervises investigations.',
      '',
      '### Area for improvement 1',
      '',
      'The force should make sure that investigations are effectively supervised.',
      '',
      '### Area for improvement 2',
      '',
      'The force should record victims’ wishes when they withdraw support.',
      '',
      '## Protecting vulnerable people',
      '',
      'Requires improvement',
      '',
      '### Cause of concern',
      '',
      'The force does not respond quickly enough to vulnerable people.',
      '',
      '### Recommendations',
      '',
      'Within three months, the force should:',
      '',
      '- review how it grades calls for service; and',
      '- make sure it has enough staff to attend incidents on time.',
      '',
      '## Developing a positive workplace',
      '',
      'Good',
    ].join('\n');
    const e = extract(textDoc(text));
    expect(e).toMatchObject({ force: 'Wessex Constabulary', period: '2021/22', published: '2022-06-14', inspectionType: 'Integrated', inspectorate: 'HMICFRS' });
    expect(e.judgments.map((j) => [j.question, j.grade])).toEqual([
      ['Investigating crime', 'Adequate'],
      ['Protecting vulnerable people', 'Requires improvement'],
      ['Developing a positive workplace', 'Good'],
    ]);
    expect(e.findings.map((f) => [f.kind, f.question, f.text])).toEqual([
      ['area-for-improvement', 'Investigating crime', 'The force should make sure that investigations are effectively supervised.'],
      ['area-for-improvement', 'Investigating crime', 'The force should record victims’ wishes when they withdraw support.'],
      ['cause-of-concern', 'Protecting vulnerable people', 'The force does not respond quickly enough to vulnerable people.'],
      ['recommendation', 'Protecting vulnerable people', 'review how it grades calls for service'],
      ['recommendation', 'Protecting vulnerable people', 'make sure it has enough staff to attend incidents on time.'],
    ]);
    expect(e.findings[3]?.leadIn).toBe('Within three months, the force should:');
  });

  it('reads plain lines from another force without markdown', () => {
    const text = [
      'Durshire PEEL 2015',
      'Efficiency',
      'How efficient is the force at keeping people safe and reducing crime?',
      'Published on 20 October 2015',
      'Inadequate',
      'Durshire Police has been assessed as inadequate.',
      '1',
      'How well does the force use its resources to meet its demand?',
      'Requires improvement',
      'Areas for improvement',
      '- The force should understand the demand it faces.',
      'Durshire Police uses overtime heavily.',
    ].join('\n');
    const e = extract(textDoc(text));
    expect(e).toMatchObject({ force: 'Durshire Police', period: '2015', inspectionType: 'Efficiency', inspectorate: 'HMIC', published: '2015-10-20' });
    expect(e.judgments.map((j) => [j.pillar, j.question, j.grade])).toEqual([
      ['Efficiency', null, 'Inadequate'],
      ['Efficiency', 'How well does the force use its resources to meet its demand?', 'Requires improvement'],
    ]);
    expect(e.findings.map((f) => f.text)).toEqual(['The force should understand the demand it faces.']);
  });

  it('grades a known area under its own pillar, whatever pillar the text before it was about', () => {
    // A summary table laid out from a PDF as lines: its Legitimacy heading row went by as a table row.
    const text = [
      'PEEL 2018/19 inspection of Durshire Police',
      'How efficiently does the force operate and how sustainable are its services?',
      'Good',
      'Planning for the future',
      'Good',
      'Legitimacy\tLast inspected',
      'Ethical and lawful workforce behaviour',
      'Requires improvement',
      'A new area the framework has never named',
      'Good',
    ].join('\n\n');
    const e = extract(textDoc(text));
    expect(e.judgments.map((j) => [j.pillar, j.question, j.grade])).toEqual([
      ['Efficiency', null, 'Good'],
      ['Efficiency', 'Planning for the future', 'Good'],
      ['Legitimacy', 'Ethical and lawful workforce behaviour', 'Requires improvement'],
      // An area the vocabulary does not know stays under the pillar the text was about.
      ['Efficiency', 'A new area the framework has never named', 'Good'],
    ]);
  });

  it('gives PDF anchors the page a passage starts on', () => {
    const text = 'Legitimacy\n\nHow legitimate is the force?\n\nGood\n\nAreas for improvement\n• The force should do better.';
    const split = text.indexOf('Areas');
    const e = extract({ format: 'pdf', text, pages: [{ page: 1, start: 0, end: split - 2 }, { page: 2, start: split, end: text.length }] });
    expect(e.judgments[0]?.anchor?.page).toBe(1);
    expect(e.findings[0]?.anchor?.page).toBe(2);
  });
});
