import { FIXTURES } from '../../../../tests/helpers/fixtures';
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openAppCore, type AppCore } from '../../app';
import { downloadInstead } from '../../http/download';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { CallInput, CallName, CallOutput } from '../../../shared/api/contract';
import type { SameReportChoice } from '../../../shared/api/reports';

const tempDir = useTempDirs();

const open = (dir: string) => openAppCore(dir, { transport: 'http', saveFile: downloadInstead }, { skipDailyBackup: true });

async function ok<K extends CallName>(core: AppCore, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await core.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as CallOutput<K>;
}

async function importFixture(core: AppCore, name: string, onSameReport?: SameReportChoice) {
  const dataBase64 = (await readFile(join(FIXTURES, name))).toString('base64');
  return ok(core, 'reports.import', { fileName: name, dataBase64, onSameReport });
}

const TEXT_2018 = 'peel-2018-19-integrated-report.txt';
const PDF_2018 = 'peel-2018-19-integrated-report.pdf';
const REPORT_2016 = 'peel-2016-legitimacy-web-report.txt';
/** The 2018/19 report's AFI on supervising investigations, word for word from the report. */
const SUPERVISION = 'The force should ensure regular and active supervision of the quality and progress of investigations';

describe('the same report in another format', () => {
  it('is recognised: the PDF of the 2018/19 report held as text is not stored, and the answer names the report it matches', async () => {
    const core = await open(await tempDir());
    const text = await importFixture(core, TEXT_2018);
    expect(text.action).toBe('imported');
    const pdf = await importFixture(core, PDF_2018);
    expect(pdf).toMatchObject({ action: 'same-report', id: text.id, duplicate: true, sameReport: { id: text.id, fileName: TEXT_2018, format: 'text', findingCount: 11 } });
    expect(await ok(core, 'reports.list', { all: true })).toHaveLength(1);
    expect((await ok(core, 'findings.register', {})).total).toBe(11);
    await core.close();
  });

  it('can be kept as another version of the report: one report, one set of findings, and the file is held', async () => {
    const core = await open(await tempDir());
    const { id } = await importFixture(core, TEXT_2018);
    const version = await importFixture(core, PDF_2018, 'add-version');
    expect(version).toMatchObject({ action: 'version-added', id });
    const [summary] = await ok(core, 'reports.list', {});
    expect(summary).toMatchObject({ id, format: 'text', versionCount: 1, findingCount: 11 });
    const { report } = await ok(core, 'reports.get', { id });
    expect(report.versions?.map((v) => [v.fileName, v.format, v.replacedAt])).toEqual([[PDF_2018, 'pdf', undefined]]);
    // The same PDF once more is that file, already held.
    expect(await importFixture(core, PDF_2018)).toMatchObject({ action: 'duplicate', id });
    expect((await ok(core, 'findings.register', {})).total).toBe(11);
    expect(await ok(core, 'findings.dashboard', {})).toMatchObject({ total: 11 });
    await core.close();
  });

  it('can replace the report’s file, carrying tracking, annotations and corrections over', async () => {
    const core = await open(await tempDir());
    const { id } = await importFixture(core, TEXT_2018);
    const before = await ok(core, 'reports.get', { id });
    const supervision = before.findings.find((f) => f.text.startsWith(SUPERVISION))!;
    await ok(core, 'findings.update', { id: supervision.id, owner: 'Head of Crime', status: 'In progress' });
    await ok(core, 'reports.updateMeta', { id, changes: { title: 'PEEL 2018/19 Cambridgeshire', webAddress: 'https://www.justiceinspectorates.gov.uk/hmicfrs/' } });
    const { text } = await ok(core, 'reports.text', { id });
    const at = text.indexOf('Flagstone');
    expect(at).toBeGreaterThan(0);
    const annotation = await ok(core, 'annotations.create', { reportId: id, start: at, end: at + 'Flagstone'.length, note: 'Ask about Flagstone', tags: [], colour: 'yellow' });

    const replaced = await importFixture(core, PDF_2018, 'replace');
    expect(replaced).toMatchObject({ action: 'replaced', id });
    const after = await ok(core, 'reports.get', { id });
    expect(after.report).toMatchObject({ format: 'pdf', fileName: PDF_2018, title: 'PEEL 2018/19 Cambridgeshire', webAddress: 'https://www.justiceinspectorates.gov.uk/hmicfrs/' });
    // The text file is kept as the version it replaced.
    expect(after.report.versions?.map((v) => [v.fileName, typeof v.replacedAt])).toEqual([[TEXT_2018, 'string']]);
    const again = after.findings.find((f) => f.text.startsWith(SUPERVISION))!;
    expect(again).toMatchObject({ id: supervision.id, tracking: { owner: 'Head of Crime', status: 'In progress' } });
    expect(after.findings).toHaveLength(11);
    const newText = (await ok(core, 'reports.text', { id })).text;
    const [moved] = await ok(core, 'annotations.list', { reportId: id });
    expect(moved).toMatchObject({ id: annotation.id, note: 'Ask about Flagstone' });
    expect(newText.slice(moved!.anchor.start, moved!.anchor.end)).toBe('Flagstone');
    // The PDF gives its page.
    expect(moved!.anchor.page).toBeGreaterThan(1);

    // And back: the text file becomes the main one again, and nothing is lost either way.
    const back = await ok(core, 'reports.useVersion', { id, sha256: before.report.sha256 });
    expect(back.lines[0]).toContain(TEXT_2018);
    const final = await ok(core, 'reports.get', { id });
    expect(final.report).toMatchObject({ format: 'text', sha256: before.report.sha256 });
    expect(final.findings.find((f) => f.id === supervision.id)?.tracking.owner).toBe('Head of Crime');
    await core.close();
  });

  it('is imported as a report of its own only when asked to (--as-new)', async () => {
    const core = await open(await tempDir());
    await importFixture(core, TEXT_2018);
    expect(await importFixture(core, PDF_2018, 'new')).toMatchObject({ action: 'imported' });
    expect(await ok(core, 'reports.list', {})).toHaveLength(2);
    await core.close();
  });

  it('does not mistake the press release or the board paper of the same force and year for the report', async () => {
    const core = await open(await tempDir());
    await importFixture(core, REPORT_2016);
    expect(await importFixture(core, 'hmic-2016-legitimacy-press-release.txt')).toMatchObject({ action: 'imported' });
    expect(await importFixture(core, 'board-paper-2018-01-peel-legitimacy-2017.txt')).toMatchObject({ action: 'imported' });
    expect(await importFixture(core, 'peel-2016-legitimacy-report.docx')).toMatchObject({ action: 'same-report' });
    await core.close();
  });
});

describe('comparisons look only backwards', () => {
  it('a copy of the 2018/19 report kept as a report of its own is compared with 2016, never with its twin', async () => {
    const core = await open(await tempDir());
    await importFixture(core, REPORT_2016);
    const text = await importFixture(core, TEXT_2018);
    const pdf = await importFixture(core, PDF_2018, 'new');
    const history = await ok(core, 'grades.history', {});
    const ethical = history.lines.find((l) => l.label === 'Ethical and lawful workforce behaviour')!;
    // 2016: requires improvement; 2018/19: good — in both copies, an improvement on 2016.
    const cells = ethical.cells.filter((c) => c.reportId === text.id || c.reportId === pdf.id);
    expect(cells.map((c) => [c.grade, c.change, c.comparedWith])).toEqual([
      ['Good', 'improved', '2016'],
      ['Good', 'improved', '2016'],
    ]);
    expect(history.lines.flatMap((l) => l.cells).some((c) => c.comparedWith === '2018/19')).toBe(false);

    const paper = await ok(core, 'papers.create', { reportId: pdf.id });
    const { model } = await ok(core, 'papers.get', { id: paper.id });
    const questions = model.sections.flatMap((s) => s.paragraphs).find((p) => p.key === '4.2')!.list!;
    const lines = questions.groups.flatMap((g) => g.items.map((runs) => runs.map((r) => r.text).join('')));
    expect(lines.some((line) => line.includes('2018/19)'))).toBe(false);
    expect(lines).toContain('Ethical and lawful workforce behaviour: assessed as good (an improvement on 2016).');

    const links = await ok(core, 'links.suggest', {});
    expect(links.some((l) => [l.earlier.reportId, l.later.reportId].sort().join() === [text.id, pdf.id].sort().join())).toBe(false);
    await core.close();
  });
});

describe('the dashboard', () => {
  it('counts the findings of a board paper once: not again when the report it summarises is held', async () => {
    const core = await open(await tempDir());
    const report = await importFixture(core, REPORT_2016);
    const paper = await importFixture(core, 'board-paper-2018-01-peel-legitimacy-2017.txt');
    // The 2017 report is not held: the paper's six AFIs are the only record of them.
    expect(await ok(core, 'findings.dashboard', {})).toMatchObject({ total: 15, open: 15 });
    // Say the paper is about the 2016 report: its findings are that report's findings told again.
    await ok(core, 'reports.updateMeta', { id: paper.id, changes: { aboutReportId: report.id } });
    expect(await ok(core, 'findings.dashboard', {})).toMatchObject({ total: 9, open: 9 });
    await core.close();
  });

  it('charts each finding from its report’s publication, not from the day it was imported', async () => {
    const core = await open(await tempDir());
    await importFixture(core, REPORT_2016);
    const { series } = await ok(core, 'findings.dashboard', {});
    // Published 8 December 2016: the nine findings are open from that month on.
    expect(series[0]).toEqual({ month: '2016-12', open: 9, closed: 0, progressUpdates: 0 });
    expect(series.every((p) => p.open === 9)).toBe(true);
    await core.close();
  });
});

describe('archiving, superseding and deleting a report', () => {
  it('archives: hidden from the list, the register and the dashboard, nothing lost, and back again', async () => {
    const core = await open(await tempDir());
    const old = await importFixture(core, REPORT_2016);
    await importFixture(core, TEXT_2018);
    const archived = await ok(core, 'reports.setStatus', { id: old.id, status: 'archived' });
    expect(archived).toMatchObject({ status: 'archived', findingCount: 9 });
    expect((await ok(core, 'reports.list', {})).map((r) => r.title)).toEqual(['PEEL: Police effectiveness, efficiency and legitimacy 2018/19']);
    expect(await ok(core, 'reports.list', { all: true })).toHaveLength(2);
    expect((await ok(core, 'findings.register', {})).total).toBe(11);
    expect(await ok(core, 'findings.dashboard', {})).toMatchObject({ total: 11 });
    // Still history: the 2018/19 grades are compared with 2016's.
    expect((await ok(core, 'grades.history', {})).columns).toHaveLength(2);
    await ok(core, 'reports.setStatus', { id: old.id, status: 'active' });
    expect((await ok(core, 'findings.register', {})).total).toBe(20);
    await core.close();
  });

  it('marks a report superseded by another, never by itself', async () => {
    const core = await open(await tempDir());
    const text = await importFixture(core, TEXT_2018);
    const pdf = await importFixture(core, PDF_2018, 'new');
    expect(await ok(core, 'reports.setStatus', { id: text.id, status: 'superseded', by: pdf.id })).toMatchObject({ status: 'superseded', supersededBy: pdf.id });
    expect((await ok(core, 'findings.register', {})).total).toBe(11);
    expect((await ok(core, 'grades.history', {})).columns.map((c) => c.reportId)).toEqual([pdf.id]);
    const itself = await core.dispatch('reports.setStatus', { id: pdf.id, status: 'superseded', by: pdf.id });
    expect(itself).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await core.close();
  });

  it('deletes, saying first what goes with it, keeps linked notes, and undoes the whole of it', async () => {
    const dir = await tempDir();
    const core = await open(dir);
    const { id } = await importFixture(core, REPORT_2016);
    const press = await importFixture(core, 'hmic-2016-legitimacy-press-release.txt');
    const { findings, report } = await ok(core, 'reports.get', { id });
    await ok(core, 'findings.addProgress', { id: findings[0]!.id, text: 'Plan agreed.' });
    await ok(core, 'annotations.create', { reportId: id, start: 100, end: 140, note: 'Check', tags: [], colour: 'green' });
    const note = await ok(core, 'notes.create', { text: 'Interview with the PSD lead', findingId: findings[0]!.id, reportId: id });
    await ok(core, 'papers.create', { reportId: id });

    expect(await ok(core, 'reports.impact', { id })).toEqual({
      findings: 9,
      trackedFindings: 1,
      progressUpdates: 1,
      annotations: 1,
      linkedNotes: 1,
      papers: 1,
      links: 0,
      files: 1,
      supportingDocuments: 1,
    });
    const { deleted, undo } = await ok(core, 'reports.delete', { id });
    expect(deleted).toBe(true);
    expect(await ok(core, 'reports.list', { all: true })).toHaveLength(1);
    expect(await ok(core, 'papers.list', {})).toEqual([]);
    const [kept] = await ok(core, 'notes.list', {});
    expect(kept).toMatchObject({ id: note.id, text: 'Interview with the PSD lead', reportId: null, findingId: null });
    expect((await ok(core, 'reports.get', { id: press.id })).report.aboutReportId).toBeNull();

    await ok(core, 'reports.restoreDeleted', { deleted: undo! });
    const back = await ok(core, 'reports.get', { id });
    expect(back.findings.map((f) => f.id)).toEqual(findings.map((f) => f.id));
    expect(back.findings[0]!.tracking.progress.map((p) => p.text)).toEqual(['Plan agreed.']);
    expect(await ok(core, 'annotations.list', { reportId: id })).toHaveLength(1);
    expect(await ok(core, 'papers.list', {})).toHaveLength(1);
    expect((await ok(core, 'notes.list', {}))[0]).toMatchObject({ reportId: id, findingId: findings[0]!.id });
    expect((await ok(core, 'reports.get', { id: press.id })).report.aboutReportId).toBe(id);

    // Deleted for good: its files go when the store closes.
    await ok(core, 'reports.delete', { id });
    expect(existsSync(join(dir, 'sources', `${report.sha256}.removing`))).toBe(true);
    await core.close();
    expect(existsSync(join(dir, 'sources', `${report.sha256}.removing`))).toBe(false);
    expect(existsSync(join(dir, 'sources', report.sha256))).toBe(false);
  });
});
