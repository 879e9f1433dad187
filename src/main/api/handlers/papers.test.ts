import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { callFails, callOk } from '../../../../tests/helpers/dispatch';
import { FIXTURES } from '../../../../tests/helpers/fixtures';
import { docxParagraphs } from '../../../../tests/fixtures/paper/docx-text';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { PaperDetail, PaperSummary } from '../../../shared/api/papers';
import type { CallName } from '../../../shared/api/contract';
import type { SaveOutcome } from '../../../shared/api/files';
import type { BoardPaper } from '../../../shared/domain/paper';
import { runsToText } from '../../../shared/domain/paper-markup';
import type { PaperModel, PaperParagraph } from '../../../shared/domain/paper-model';
import { openAppCore, type AppCore } from '../../app';
import { importDocument } from '../../services/import-document';

const tempDir = useTempDirs();
const cores: AppCore[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()));
});

type Saved = { name: string; mime: string; bytes: Uint8Array };

async function start() {
  const saved: Saved[] = [];
  const core = await openAppCore(
    await tempDir(),
    {
      transport: 'ipc',
      saveFile: async (name, mime, bytes): Promise<SaveOutcome> => {
        saved.push({ name, mime, bytes });
        return { status: 'saved', path: `/chosen/${name}` };
      },
    },
    { skipDailyBackup: true },
  );
  cores.push(core);
  const call = <T>(name: CallName, input: unknown) => callOk<T>(core.dispatch, name, input);
  const failure = (name: CallName, input: unknown) => callFails(core.dispatch, name, input);
  const importFixture = async (name: string) => (await importDocument(core.store, name, await readFile(join(FIXTURES, name)))).id;
  return { core, call, failure, saved, importFixture };
}

const paragraph = (model: PaperModel, key: string): PaperParagraph => {
  const found = model.sections.flatMap((s) => s.paragraphs).find((p) => p.key === key);
  if (!found) throw new Error(`no paragraph ${key}`);
  return found;
};
const text = (model: PaperModel, key: string): string => runsToText(paragraph(model, key).runs);
const boldText = (p: PaperParagraph): string[] => p.runs.filter((r) => r.bold).map((r) => r.text);
const listItems = (p: PaperParagraph): string[] => (p.list?.groups ?? []).flatMap((g) => g.items.map(runsToText));

describe('board papers over the API', () => {
  it('creates a paper dated today with the derived title, lists it with its report, and refuses what is not a report', async () => {
    const { call, failure, importFixture } = await start();
    const reportId = await importFixture('peel-2016-legitimacy-web-report.txt');
    const pressRelease = await importFixture('hmic-2016-legitimacy-press-release.txt');
    const paper = await call<BoardPaper>('papers.create', { reportId });
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    expect(paper).toMatchObject({ reportId, title: '', date: today, paragraphs: {} });
    const list = await call<PaperSummary[]>('papers.list', {});
    expect(list).toEqual([
      expect.objectContaining({
        id: paper.id,
        reportTitle: 'Cambridgeshire PEEL 2016',
        title: 'An update on the publication of the PEEL Legitimacy report by Her Majesty’s Inspectorate of Constabulary',
        editedCount: 0,
      }),
    ]);
    expect(await failure('papers.create', { reportId: pressRelease })).toMatchObject({ code: 'invalid-input' });
    expect(await failure('papers.create', { reportId: 'no-such-report' })).toMatchObject({ code: 'not-found' });
  });

  it('keeps paragraph overrides, drops one set back to its default, and refuses a paragraph the paper does not have', async () => {
    const { call, failure, importFixture } = await start();
    const { id } = await call<BoardPaper>('papers.create', { reportId: await importFixture('peel-2016-legitimacy-web-report.txt') });
    const before = await call<PaperDetail>('papers.get', { id });
    expect(paragraph(before.model, '4.3')).toMatchObject({ origin: 'default', editable: true });
    const defaultText = paragraph(before.model, '4.3').defaultText;

    const edited = await call<PaperDetail>('papers.update', {
      id,
      title: 'PEEL Legitimacy 2016: what HMIC found',
      date: '2017-01-17',
      paragraphs: { '4.3': 'The report also notes the force’s **alliance** with Bedfordshire and Hertfordshire.', '4.6': 'Owners have been allocated.' },
    });
    expect(edited.paper.paragraphs).toEqual({
      '4.3': 'The report also notes the force’s **alliance** with Bedfordshire and Hertfordshire.',
      '4.6': 'Owners have been allocated.',
    });
    expect(paragraph(edited.model, '4.3')).toMatchObject({ origin: 'edited', defaultText });
    expect(boldText(paragraph(edited.model, '4.3'))).toEqual(['alliance']);
    expect(edited.model.title).toBe('PEEL Legitimacy 2016: what HMIC found');
    expect(edited.model.header.date).toBe('17 January 2017');

    const reverted = await call<PaperDetail>('papers.update', { id, paragraphs: { '4.3': defaultText, '4.6': null } });
    expect(reverted.paper.paragraphs).toEqual({});
    expect(paragraph(reverted.model, '4.3').origin).toBe('default');

    const derivedTitle = 'An update on the publication of the PEEL Legitimacy report by Her Majesty’s Inspectorate of Constabulary';
    expect((await call<PaperDetail>('papers.update', { id, title: derivedTitle })).paper.title).toBe('');

    expect(await failure('papers.update', { id, paragraphs: { '9.9': 'No such paragraph' } })).toMatchObject({ code: 'invalid-input' });
    expect(await failure('papers.update', { id: 'gone', title: 'x' })).toMatchObject({ code: 'not-found' });
  });

  it('duplicates a paper with its edits under a new id, and deletes one without touching the other', async () => {
    const { call, failure, importFixture } = await start();
    const { id } = await call<BoardPaper>('papers.create', { reportId: await importFixture('peel-2016-legitimacy-web-report.txt') });
    await call('papers.update', { id, paragraphs: { '4.3': 'Our own 4.3.' } });
    const copy = await call<BoardPaper>('papers.duplicate', { id });
    expect(copy.id).not.toBe(id);
    expect(copy.paragraphs).toEqual({ '4.3': 'Our own 4.3.' });
    expect(copy.title).toBe('An update on the publication of the PEEL Legitimacy report by Her Majesty’s Inspectorate of Constabulary (copy)');
    expect((await call<PaperSummary[]>('papers.list', {})).map((p) => p.id).sort()).toEqual([id, copy.id].sort());

    expect(await call('papers.delete', { id })).toEqual({ deleted: true });
    expect(await call('papers.delete', { id })).toEqual({ deleted: false });
    expect(await failure('papers.get', { id })).toMatchObject({ code: 'not-found' });
    expect((await call<PaperDetail>('papers.get', { id: copy.id })).paper.paragraphs).toEqual({ '4.3': 'Our own 4.3.' });
  });

  it('exports the paper as .docx through the save dialog, with the officer’s wording and the logo only when asked for', async () => {
    const { call, saved, importFixture } = await start();
    const { id } = await call<BoardPaper>('papers.create', { reportId: await importFixture('peel-2016-legitimacy-web-report.txt') });
    await call('papers.update', { id, paragraphs: { '4.3': 'The report also notes the alliance with Bedfordshire and Hertfordshire.' } });
    const outcome = await call<SaveOutcome>('papers.export', { id });
    const name = 'An update on the publication of the PEEL Legitimacy report by Her Majesty’s Inspectorate of Constabulary.docx';
    expect(outcome).toEqual({ status: 'saved', path: `/chosen/${name}` });
    const file = saved[0];
    expect(file?.name).toBe(name);
    expect(file?.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const texts = docxParagraphs(file?.bytes ?? new Uint8Array()).map((p) => p.text);
    expect(texts).toContain('4.3\tThe report also notes the alliance with Bedfordshire and Hertfordshire.');
    const hasImage = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).includes('word/media/');
    expect(hasImage(file?.bytes)).toBe(true);

    await call('settings.update', { includeLogo: false });
    await call('papers.export', { id });
    expect(hasImage(saved[1]?.bytes)).toBe(false);
  });

  it('exports the findings register, all of it or what the filter keeps', async () => {
    const { call, saved, importFixture } = await start();
    const web2016 = await importFixture('peel-2016-legitimacy-web-report.txt');
    await importFixture('peel-2018-19-integrated-report.txt');
    await call('register.export', {});
    await call('register.export', { filter: { reportId: web2016, kind: ['recommendation'] } });
    const sheet = async (bytes: Uint8Array | undefined) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(bytes ?? []) as unknown as ArrayBuffer);
      return workbook.getWorksheet('Findings register');
    };
    expect(saved[0]?.name).toMatch(/^Findings register \d{4}-\d{2}-\d{2}\.xlsx$/);
    // 2016: four AFIs, one cause of concern, four recommendations; 2018/19: eleven AFIs.
    expect((await sheet(saved[0]?.bytes))?.rowCount).toBe(1 + 9 + 11);
    const filtered = await sheet(saved[1]?.bytes);
    expect(filtered?.rowCount).toBe(1 + 4);
    expect(String(filtered?.getRow(2).getCell(5).value)).toMatch(/should: review the capacity and capability of its professional standards department/);
  });
});

describe('the paper derived from imported reports', () => {
  it('2016 Legitimacy web report: grades, publication date, the four AFIs, the cause of concern and four recommendations', async () => {
    const { call, core, importFixture } = await start();
    const reportId = await importFixture('peel-2016-legitimacy-web-report.txt');
    const { id } = await call<BoardPaper>('papers.create', { reportId });
    const { model } = await call<PaperDetail>('papers.get', { id });

    expect(text(model, '1.1')).toContain('Her Majesty’s Inspectorate of Constabulary (HMIC)’s publication of the PEEL Legitimacy report for Cambridgeshire Constabulary');
    expect(text(model, '3.1')).toContain('graded either as outstanding, good, requiring improvement or inadequate');
    expect(text(model, '3.1')).toMatch(/report was published on 8 December 2016\.$/);
    expect(boldText(paragraph(model, '4.1'))).toEqual(['an overall judgment of “good”']);
    expect(text(model, '4.1')).toContain('Cambridgeshire Constabulary has been assessed as good in respect of the legitimacy');

    expect(text(model, '4.2')).toBe('The overall judgment was reached by assessing three sub-questions:');
    expect(listItems(paragraph(model, '4.2'))).toEqual([
      'To what extent does the force treat all of the people it serves with fairness and respect? Assessed as good.',
      'How well does the force ensure that its workforce behaves ethically and lawfully? Assessed as requiring improvement.',
      'To what extent does the force treat its workforce with fairness and respect? Assessed as good.',
    ]);

    const afis = paragraph(model, '4.4');
    expect(afis.list?.style).toBe('roman');
    expect(listItems(afis)).toEqual([
      'The force should improve how it identifies and understands the issues that have the greatest impact on public perceptions of fair and respectful treatment.',
      'Annually, the force should produce a local counter-corruption strategic assessment and control strategy, to identify risks to the force’s integrity.',
      'The force should improve how it clarifies and reinforces standards of behaviour, in particular when dealing with vulnerable people, including victims of domestic abuse.',
      'The force should ensure that its supervisors can recognise and provide support with wellbeing issues.',
    ]);

    const concerns = paragraph(model, '4.5');
    expect(text(model, '4.5')).toMatch(/^HMIC identified one “cause of concern” .* and made four recommendations for the force:$/);
    expect(concerns.list?.groups[0]?.items.map(runsToText)).toEqual([
      'The risks that HMIC identified in 2014 and the lack of progress of the recommendations, until recently following the collapse of a court case, is of serious concern.',
    ]);
    const recommendations = concerns.list?.groups[1];
    expect(runsToText(recommendations?.heading ?? [])).toBe(
      'Cambridgeshire Constabulary, together with the other forces in the alliance (Bedfordshire Police and Hertfordshire Constabulary) should:',
    );
    expect(recommendations?.items).toHaveLength(4);
    expect(runsToText(recommendations?.items[3] ?? [])).toBe('improve its workforce’s understanding of all corruption prevention policies.');

    expect(model.bibliography[0]).toEqual({ label: 'Source Documents', value: 'Legitimacy report' });
    await core.store.updateReport(reportId, (doc) => {
      doc.report.webAddress = 'https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/peel-2016/cambridgeshire/legitimacy/';
    });
    const after = await call<PaperDetail>('papers.get', { id });
    expect(after.report.webAddress).toBe('https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/peel-2016/cambridgeshire/legitimacy/');
    expect(after.model.bibliography[0]?.value).toBe(
      'Legitimacy report: https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/peel-2016/cambridgeshire/legitimacy/',
    );
  });

  it('2018/19 integrated report: three pillars, carried-over judgments, change since the 2016 report, eleven AFIs', async () => {
    const { call, importFixture } = await start();
    await importFixture('peel-2016-legitimacy-web-report.txt');
    const reportId = await importFixture('peel-2018-19-integrated-report.txt');
    const { id } = await call<BoardPaper>('papers.create', { reportId });
    const { model } = await call<PaperDetail>('papers.get', { id });

    expect(model.title).toBe('An update on the publication of the PEEL 2018/19 report by Her Majesty’s Inspectorate of Constabulary and Fire and Rescue Services');
    expect(boldText(paragraph(model, '4.1'))).toEqual(['“good” for effectiveness', '“good” for efficiency', '“good” for legitimacy']);
    expect(text(model, '4.1')).toContain("with the following comments from Zoë Billingham “I am very pleased with Cambridgeshire Constabulary's performance");

    const groups = paragraph(model, '4.2').list?.groups ?? [];
    expect(groups.map((g) => runsToText(g.heading ?? []))).toEqual(['Effectiveness (good)', 'Efficiency (good)', 'Legitimacy (good)']);
    const items = groups.flatMap((g) => g.items.map(runsToText));
    expect(items).toHaveLength(10);
    expect(items).toContain('Tackling serious and organised crime: assessed as good (judgment carried over from 2016).');
    expect(items).toContain('Armed response capability: not graded.');
    expect(items).toContain('Fair treatment of the public: assessed as good (judgment carried over from 2017).');
    // 2016 graded "How well does the force ensure that its workforce behaves ethically and lawfully?" as requires improvement.
    expect(items).toContain('Ethical and lawful workforce behaviour: assessed as good (an improvement on 2016).');

    const afis = paragraph(model, '4.4');
    expect(listItems(afis)).toHaveLength(11);
    expect(runsToText(afis.list?.groups[0]?.heading ?? [])).toBe('Effectiveness — Preventing crime and tackling anti-social behaviour');
    const remaining = afis.list?.groups.find((g) => runsToText(g.heading ?? []) === 'Effectiveness — Investigating crime');
    expect(runsToText(remaining?.items[0] ?? [])).toMatch(/^The force should ensure regular and active supervision .*\(this area for improvement remains from the previous inspection\)$/);
    expect(text(model, '4.5')).toMatch(/^HMICFRS did not identify any “causes of concern”.*no recommendations were made for the force\.$/);
  });
});
