import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { docxParagraphs } from '../../../tests/fixtures/paper/docx-text';
import { FIXTURES } from '../../../tests/helpers/fixtures';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { runsToText } from '../../shared/domain/paper-markup';
import type { PaperModel } from '../../shared/domain/paper-model';
import { Store } from '../store/repository';
import { addProgressUpdate, updateTracking } from '../services/findings';
import { importDocument } from '../services/import-document';
import { stepFinding } from '../services/lifecycle';
import { createProgressPaper, progressPaperModel, updateProgressPaper } from '../services/progress-papers';
import { paperDocx } from '../services/board-papers';
import { countSentence } from './build-progress-paper';

const tempDir = useTempDirs();
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

const TODAY = '2021-03-31';

/**
 * The 2018/19 report's eleven AFIs, tracked to the end of March 2021: four closed, five in progress, two
 * proposed for closure (the counts of the example).
 */
async function tracked2018() {
  const store = await Store.open(await tempDir(), { skipDailyBackup: true });
  stores.push(store);
  const { id } = await importDocument(store, 'peel-2018-19-integrated-report.txt', await readFile(join(FIXTURES, 'peel-2018-19-integrated-report.txt')));
  // The report's back page: "February 2020".
  await store.updateReport(id, (draft) => void (draft.report.published = 'February 2020'));
  const afis = [...store.reportDoc(id)!.findings].sort((a, b) => a.order - b.order).map((f) => f.id);
  const at = (day: string) => `${day}T10:00:00.000Z`;
  const owners = ['Supt Local Policing', 'Supt Local Policing', 'Head of Operational Support', 'Head of Crime', 'Head of Safeguarding', 'Head of Contact', 'Head of HR', 'Head of HR', 'Head of PSD', 'Head of PSD', 'Head of PSD'];
  for (const [i, fid] of afis.entries()) await updateTracking(store, fid, { owner: owners[i]!, status: 'In progress', due: '2021-09-30', evidence: ['Action plan'] }, at('2020-03-10'));
  const close = async (i: number, day: string, update: string) => {
    await addProgressUpdate(store, afis[i]!, update, at(day), day);
    await stepFinding(store, afis[i]!, { step: 'propose', statement: update }, at(day), day);
    await stepFinding(store, afis[i]!, { step: 'approve', approver: 'DCC Jane Gyford', date: '2021-03-10', reason: 'Evidence seen at the Gold Group.' }, at('2021-03-10'), '2021-03-10');
  };
  await close(2, '2020-11-02', 'Orders and powers guidance published on the intranet.');
  await close(5, '2020-12-01', 'Response resourcing model in place.');
  await close(7, '2021-01-15', 'Skills strategy approved.');
  await close(8, '2021-03-01', 'Every member of staff now holds at least recruitment vetting.');
  for (const i of [4, 9]) await stepFinding(store, afis[i]!, { step: 'propose', statement: 'Work complete.' }, at('2021-03-20'), '2021-03-20');
  // One due within 30 days and quiet since January (Amber), one past its date (Red).
  await updateTracking(store, afis[3]!, { due: '2021-04-15' }, at('2021-01-05'));
  await addProgressUpdate(store, afis[3]!, 'Supervision audit started.', at('2021-01-05'), '2021-01-05');
  await updateTracking(store, afis[10]!, { due: '2021-02-28' }, at('2021-01-05'));
  return { store, id, afis };
}

const paragraph = (model: PaperModel, key: string) => {
  const p = model.sections.flatMap((s) => s.paragraphs).find((x) => x.key === key);
  if (!p) throw new Error(`no paragraph ${key}`);
  return p;
};
const text = (model: PaperModel, key: string) => runsToText(paragraph(model, key).runs);
const items = (model: PaperModel, key: string) => (paragraph(model, key).list?.groups ?? []).flatMap((g) => g.items.map((i) => runsToText(i)));

describe('the progress paper', () => {
  it('counts findings by status as the board reads them', () => {
    const of = (...statuses: string[]) => statuses.map((status) => ({ tracking: { status } })) as never[];
    expect(countSentence('area-for-improvement', of('Closed', 'In progress', 'Proposed for closure', 'Closed', 'In progress'))).toBe(
      'Of the 5 AFIs, 2 are closed, 2 in progress, 1 proposed for closure.',
    );
    expect(countSentence('recommendation', of('Not started', 'In progress'))).toBe('Of the 2 recommendations, 1 is in progress, 1 not yet started.');
    expect(countSentence('cause-of-concern', of('In progress'))).toBe('The one cause of concern is in progress.');
    expect(countSentence('area-for-improvement', of('In progress', 'In progress'), true)).toBe('Both open AFIs are in progress.');
    expect(countSentence('cause-of-concern', of('Closed', 'Closed', 'Closed'))).toBe('All 3 causes of concern are closed.');
    expect(countSentence('recommendation', of('Not started'))).toBe('The one recommendation is yet to be started.');
    expect(countSentence('area-for-improvement', of('Not started', 'Not started', 'Not started'))).toBe('None of the 3 AFIs has been started yet.');
  });

  it('reports on one inspection in the house format, every paragraph derived from the tracking', async () => {
    const { store, id } = await tracked2018();
    const model = progressPaperModel(store, id, { title: '', date: '2021-04-06', paragraphs: {} }, TODAY);
    expect(model.header).toEqual({ strapline: 'Creating a safer\nCambridgeshire', to: 'Business Coordination Board', from: 'Chief Constable', date: '6 April 2021' });
    expect(model.title).toBe('An update on progress against the findings of the PEEL 2018/19 inspection');
    expect(model.sections.map((s) => `${s.number} ${s.heading}`)).toEqual(['1 Purpose', '2 Recommendation', '3 Background', '4 The PEEL 2018/19 inspection', '5 Recommendation']);
    expect(text(model, '1.1')).toBe(
      'The purpose of this report is to give the Business Coordination Board (“the Board”) an overview of progress against the findings of HMICFRS’s PEEL 2018/19 inspection of Cambridgeshire Constabulary.',
    );
    expect(text(model, '2.1')).toBe('The Board is recommended to note the contents of this report to inform discussion on progress against the findings.');
    expect(text(model, '3.1')).toBe(
      'HMICFRS independently inspects, assesses and reports on police forces in England and Wales. Its PEEL inspections (police effectiveness, efficiency and legitimacy) assess how well each force keeps people safe and reduces crime, how well it uses its resources, and how fairly it treats the public and its workforce.',
    );
    expect(text(model, '3.2')).toBe(
      'Each force is graded outstanding, good, requires improvement or inadequate for each area inspected. Where HMICFRS finds a shortfall it records an area for improvement (AFI); a serious or critical shortcoming is a cause of concern, with recommendations for what the force must do.',
    );
    expect(text(model, '3.3')).toBe(
      'The effectiveness pillar considers how well the force keeps people safe and reduces crime. The efficiency pillar considers how well the force uses its resources to meet the demand it faces, now and in the future. The legitimacy pillar considers how fairly the force treats the public and its workforce, and whether its workforce behaves ethically and lawfully.',
    );
    expect(text(model, '4.1')).toBe('The PEEL 2018/19 inspection of Cambridgeshire Constabulary took place in 2018/19; HMICFRS published its report in February 2020.');
    expect(text(model, '4.2')).toBe('The force was graded as follows:');
    const grades = paragraph(model, '4.2').list!.groups;
    expect(grades.map((g) => runsToText(g.heading ?? []))).toEqual(['Effectiveness (good)', 'Efficiency (good)', 'Legitimacy (good)']);
    expect(grades[0]!.items.map(runsToText)).toEqual([
      'Preventing crime and tackling anti-social behaviour: good',
      'Investigating crime: good',
      'Protecting vulnerable people: good',
      'Tackling serious and organised crime: good',
      'Armed response capability: not graded',
    ]);
    expect(text(model, '4.3')).toBe('HMICFRS identified 11 “areas for improvement” (AFIs). Of the 11 AFIs, 4 are closed, 5 in progress, 2 proposed for closure.');
    const afis = items(model, '4.3');
    expect(afis).toHaveLength(11);
    expect(paragraph(model, '4.3').list?.style).toBe('roman');
    expect(afis[0]).toBe(
      '2018/19-AFI-01 The force should monitor the effectiveness of its newly launched neighbourhood policing strategy and consistently hold staff to account for delivering effective performance outcomes. Owner: Supt Local Policing. Status: in progress; target date 30 September 2021. RAG: green. No progress update has been recorded yet.',
    );
    expect(afis[8]).toBe(
      '2018/19-AFI-09 The force should ensure all staff have received at least the lowest level of vetting clearance for their roles and clear any backlogs ensuring it is fully compliant with the national vetting guidelines. Owner: Head of PSD. Status: closed on 10 March 2021, approved by DCC Jane Gyford. Latest update (1 March 2021): Every member of staff now holds at least recruitment vetting.',
    );
    expect(afis[10]).toBe(
      '2018/19-AFI-11 The force should ensure that its counter-corruption unit has enough capability and capacity to counter corruption effectively and proactively. Owner: Head of PSD. Status: in progress; target date 28 February 2021. RAG: red. No progress update has been recorded yet.',
    );
    expect(afis[3]).toMatch(/Status: in progress; target date 15 April 2021\. RAG: amber\. Latest update \(5 January 2021\): Supervision audit started\.$/);
    expect(afis[4]).toMatch(/Status: proposed for closure on 20 March 2021, awaiting sign-off; target date 30 September 2021\. RAG: green\./);
    expect(text(model, '4.4')).toBe(
      // Settings' default wording, straight apostrophe and all.
      "Progress is monitored monthly at the force's Organisational Improvement Group, chaired by the Head of Corporate Development, with strategic oversight provided by the Deputy Chief Constable through the HMICFRS Gold Group.",
    );
    expect(paragraph(model, '4.4').editable).toBe(true);
    expect(text(model, '5.1')).toBe('The Board is recommended to note the progress made against the findings and the actions that remain open.');
    expect(model.bibliography).toEqual([
      { label: 'Source Documents', value: 'PEEL 2018/19 report' },
      { label: 'Contact Officer(s)', value: 'HMICFRS Liaison Officer' },
    ]);
  });

  it('keeps the officer’s wording of an editable paragraph, and reports on every open finding', async () => {
    const { store, id } = await tracked2018();
    const edited = progressPaperModel(store, id, { title: 'Progress on PEEL 2018/19', date: TODAY, paragraphs: { '2.1': 'The Board is asked to **note** progress.' } }, TODAY);
    expect(edited.title).toBe('Progress on PEEL 2018/19');
    expect(paragraph(edited, '2.1')).toMatchObject({ origin: 'edited', runs: [{ text: 'The Board is asked to ' }, { text: 'note', bold: true }, { text: ' progress.' }] });
    const all = progressPaperModel(store, null, null, TODAY);
    expect(all.title).toBe('An update on progress against the open findings of HMICFRS inspections');
    expect(all.sections[3]!.heading).toBe('Open findings');
    expect(text(all, '1.1')).toBe(
      'The purpose of this report is to give the Business Coordination Board (“the Board”) an overview of progress against the findings of HMICFRS inspections that remain open for Cambridgeshire Constabulary.',
    );
    expect(items(all, '4.1')).toEqual(['PEEL 2018/19 (published February 2020): 7 open']);
    expect(text(all, '4.2')).toBe('Of the 7 open AFIs, 5 are in progress, 2 proposed for closure.');
    expect(paragraph(all, '4.2').list!.groups.map((g) => runsToText(g.heading ?? []))).toEqual(['PEEL 2018/19']);
  });

  it('puts a derived list in the officer’s words, and says so when the tracking under it moves on', async () => {
    const { store, id, afis } = await tracked2018();
    const paper = await createProgressPaper(store, id, new Date('2021-04-01T09:00:00Z'));
    const wording = 'Of the 11 AFIs, the Board’s attention is drawn to two:\n- **2018/19-AFI-04** Supervision audit started.\n- **2018/19-AFI-11** Counter-corruption capacity under review.';
    const saved = await updateProgressPaper(store, { id: paper.id, agendaItem: '5.0', paragraphs: { '4.3': wording } }, new Date('2021-04-01T09:05:00Z'));
    expect(saved.model.header.agendaItem).toBe('5.0');
    const edited = paragraph(saved.model, '4.3');
    expect(edited.origin).toBe('edited');
    expect(edited.stale).toBeNull();
    expect(runsToText(edited.runs)).toBe('Of the 11 AFIs, the Board’s attention is drawn to two:');
    expect(items(saved.model, '4.3')).toEqual(['2018/19-AFI-04 Supervision audit started.', '2018/19-AFI-11 Counter-corruption capacity under review.']);
    // A progress update on one of the AFIs changes the derived list the wording was written against.
    await addProgressUpdate(store, afis[0]!, 'Neighbourhood strategy evaluated by the university.', '2021-04-02T10:00:00.000Z', '2021-04-02');
    const after = progressPaperModel(store, id, store.index.progressPapers.find((p) => p.id === paper.id)!);
    expect(paragraph(after, '4.3').stale).toBe('The areas for improvement and their tracking changed after you edited 4.3.');
    // Typing the derived text back (or clearing it) removes the override and its record.
    const back = await updateProgressPaper(store, { id: paper.id, paragraphs: { '4.3': null } }, new Date('2021-04-02T11:00:00Z'));
    expect(back.paper.paragraphs).toEqual({});
    expect(back.paper.overrideBases).toEqual({});
    expect(paragraph(back.model, '4.3').origin).toBe('derived');
  });

  it('names the inspectorate as it was when the report came out, and as it is for what it does today', async () => {
    const store = await Store.open(await tempDir(), { skipDailyBackup: true });
    stores.push(store);
    const { id } = await importDocument(store, 'peel-2016-legitimacy-web-report.txt', await readFile(join(FIXTURES, 'peel-2016-legitimacy-web-report.txt')));
    const model = progressPaperModel(store, id, null, TODAY);
    // The 2016 report was published by HMIC on 8 December 2016, before it took on fire and rescue (19 July 2017).
    expect(text(model, '1.1')).toBe(
      'The purpose of this report is to give the Business Coordination Board (“the Board”) an overview of progress against the findings of HMIC’s PEEL Legitimacy 2016 inspection of Cambridgeshire Constabulary.',
    );
    expect(text(model, '4.1')).toBe('The PEEL Legitimacy 2016 inspection of Cambridgeshire Constabulary took place in 2016; HMIC published its report on 8 December 2016.');
    expect(text(model, '4.3')).toBe('HMIC identified 4 “areas for improvement” (AFIs). None of the 4 AFIs has been started yet.');
    expect(text(model, '4.4')).toBe('HMIC identified one cause of concern. The one cause of concern is yet to be started.');
    expect(text(model, '4.5')).toBe('HMIC made 4 recommendations. None of the 4 recommendations has been started yet.');
    expect(text(model, '3.1')).toMatch(/^HMICFRS independently inspects, assesses and reports on police forces/);
  });

  it('exports as a Word document with the same paragraphs', async () => {
    const { store, id } = await tracked2018();
    const model = progressPaperModel(store, id, null, TODAY);
    const paragraphs = docxParagraphs(await paperDocx(store, model)).map((p) => p.text);
    expect(paragraphs).toContain(`4.3\t${text(model, '4.3')}`);
    expect(paragraphs).toContain('4. The PEEL 2018/19 inspection');
    expect(paragraphs.filter((p) => p.startsWith('2018/19-AFI-'))).toHaveLength(11);
  });
});
