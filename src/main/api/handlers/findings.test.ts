import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callFails, callOk } from '../../../../tests/helpers/dispatch';
import { FIXTURES } from '../../../../tests/helpers/fixtures';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { CallName } from '../../../shared/api/contract';
import type { FindingDetail, LinkView } from '../../../shared/api/findings';
import type { Finding } from '../../../shared/domain/finding';
import type { Dashboard, GradeHistory, RegisterPage } from '../../../shared/domain/views';
import { openAppCore, type AppCore } from '../../app';
import { downloadInstead } from '../../http/download';
import { importDocument } from '../../services/import-document';

const tempDir = useTempDirs();
const cores: AppCore[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()));
});

async function start() {
  const core = await openAppCore(await tempDir(), { transport: 'ipc', saveFile: downloadInstead }, { skipDailyBackup: true });
  cores.push(core);
  const call = <T>(name: CallName, input: unknown) => callOk<T>(core.dispatch, name, input);
  const failure = (name: CallName, input: unknown) => callFails(core.dispatch, name, input);
  const ids: Record<string, string> = {};
  for (const [key, name] of [
    ['2016', 'peel-2016-legitimacy-web-report.txt'],
    ['2017', 'board-paper-2018-01-peel-legitimacy-2017.txt'],
    ['2018/19', 'peel-2018-19-integrated-report.txt'],
  ] as const) {
    ids[key] = (await importDocument(core.store, name, await readFile(join(FIXTURES, name)))).id;
  }
  const { rows } = await call<RegisterPage>('findings.register', {});
  /** A finding by the start of its text as the report words it. */
  const finding = (start: string): Finding => {
    const found = rows.find((r) => r.finding.text.startsWith(start))?.finding;
    if (!found) throw new Error(`no finding starting “${start}”`);
    return found;
  };
  return { core, call, failure, ids, rows, finding };
}

// Words as the documents have them.
const VETTING_2016 = 'ensure it complies with all aspects of the current national guidelines for vetting';
const VETTING_2017 = 'The force should ensure that it has a credible plan to comply with all aspects of the national vetting standards';
const VETTING_2018 = 'The force should ensure all staff have received at least the lowest level of vetting clearance';
const WELLBEING_2016 = 'The force should ensure that its supervisors can recognise and provide support with wellbeing';

describe('findings.register', () => {
  it('lists every finding of the three reports with its report, and filters for the command line', async () => {
    const { call, rows, ids } = await start();
    // 2016: four AFIs, a cause of concern and four recommendations; the 2017 board paper: six AFIs; 2018/19: eleven AFIs.
    expect(rows.filter((r) => r.finding.reportId === ids['2016'])).toHaveLength(9);
    expect(rows.filter((r) => r.finding.reportId === ids['2017'])).toHaveLength(6);
    expect(rows.filter((r) => r.finding.reportId === ids['2018/19'])).toHaveLength(11);
    const recs = await call<RegisterPage>('findings.register', { filter: { kind: 'recommendation' } });
    expect(recs.rows.map((r) => r.finding.text)).toContain(VETTING_2016);
    expect(recs).toMatchObject({ total: 4, all: 26, offset: 0 });
    expect(recs.rows).toHaveLength(4);
  });

  it('answers the window asked for, with how many rows the filter keeps, and never sends the filter’s own text', async () => {
    const { call, rows } = await start();
    const window = await call<RegisterPage>('findings.register', { offset: 10, limit: 5 });
    expect(window).toMatchObject({ offset: 10, total: 26, all: 26 });
    expect(window.rows.map((r) => r.finding.id)).toEqual(rows.slice(10, 15).map((r) => r.finding.id));
    expect(window.rows[0]).not.toHaveProperty('haystack');
    const past = await call<RegisterPage>('findings.register', { offset: 40, limit: 5 });
    expect(past).toMatchObject({ rows: [], total: 26 });
    const vetting = await call<RegisterPage>('findings.register', { filter: { text: 'vetting' }, sort: { by: 'text', dir: 'desc' }, limit: 2 });
    // "vetting" is in the 2016 recommendation, the 2017 board paper's AFI II and one 2018/19 AFI; by text, Z to A.
    expect(vetting.total).toBe(3);
    expect(vetting.rows.map((r) => r.finding.text)).toEqual([expect.stringMatching(`^${VETTING_2017}`), expect.stringMatching(`^${VETTING_2018}`)]);
  });

  it('moves an edited finding to its new place and offers its owner in the filter lists', async () => {
    const { call, finding } = await start();
    const byOwner = { by: 'owner', dir: 'asc' } as const;
    const before = await call<RegisterPage>('findings.register', { sort: byOwner, limit: 1 });
    expect(before.rows[0]?.finding.tracking.owner).toBeNull();
    const id = finding(WELLBEING_2016).id;
    await call('findings.update', { id, owner: 'Head of HR' });
    const after = await call<RegisterPage>('findings.register', { sort: byOwner, limit: 1 });
    expect(after.rows[0]?.finding).toMatchObject({ id, tracking: { owner: 'Head of HR' } });
    const owned = await call<RegisterPage>('findings.register', { filter: { owner: 'head of hr' } });
    expect(owned.rows.map((r) => r.finding.id)).toEqual([id]);
    const choices = await call<{ owners: string[] }>('findings.registerChoices', {});
    expect(choices.owners).toEqual(['Head of HR']);
    // Earliest first; the press release and the transcript have no findings of their own.
    const reports = await call<Array<{ period: string | null }>>('findings.registerReports', {});
    expect(reports.map((r) => r.period)).toEqual(['2016', '2017', '2018/19']);
  });

  it('refuses a window larger than the most one read sends', async () => {
    const { failure } = await start();
    expect((await failure('findings.register', { limit: 5_000 })).code).toBe('invalid-input');
  });
});

describe('findings.linkCandidates', () => {
  it('offers findings of other reports matching every word or the report’s period, earliest first', async () => {
    const { call, finding } = await start();
    const found = await call<Array<{ text: string }>>('findings.linkCandidates', { id: finding(WELLBEING_2016).id, q: 'vetting' });
    expect(found.map((f) => f.text)).toEqual([expect.stringMatching(`^${VETTING_2017}`), expect.stringMatching(`^${VETTING_2018}`)]);
    // "2016" is the first report's period, and the 2017 AFI cites "HMICFRS’ nationwide recommendation in 2016".
    const cited = await call<Array<{ text: string }>>('findings.linkCandidates', { id: finding(VETTING_2018).id, q: 'vetting 2016' });
    expect(cited.map((f) => f.text)).toEqual([expect.stringContaining(VETTING_2016), expect.stringMatching(`^${VETTING_2017}`)]);
  });
});

describe('findings.update and findings.addProgress', () => {
  it('records each changed field in the history against the officer’s name, and progress in time order', async () => {
    const { call, finding } = await start();
    await call('settings.update', { userName: 'Ch Insp Jane Smith' });
    const id = finding(VETTING_2017).id;
    const updated = await call<Finding>('findings.update', { id, owner: '  Head of PSD ', status: 'In progress', due: '2018-12-31' });
    // Sent out, in the answer as in a fresh read, the finding carries the RAG its rules give: overdue since 31 December 2018.
    expect(updated.tracking).toMatchObject({ owner: 'Head of PSD', status: 'In progress', due: '2018-12-31', rag: 'Red', ragSource: 'derived' });
    expect((await call<FindingDetail>('findings.get', { id })).finding.tracking).toMatchObject({ rag: 'Red', ragSource: 'derived' });
    expect(updated.tracking.history.map((h) => [h.field, h.from, h.to, h.by])).toEqual([
      ['owner', null, 'Head of PSD', 'Ch Insp Jane Smith'],
      ['status', 'Not started', 'In progress', 'Ch Insp Jane Smith'],
      ['due', null, '2018-12-31', 'Ch Insp Jane Smith'],
    ]);
    // Setting a field to what it already is leaves no trace; a new RAG does.
    const again = await call<Finding>('findings.update', { id, status: 'In progress', rag: 'Amber', evidence: ['Vetting plan v2.docx'] });
    expect(again.tracking.history.slice(3).map((h) => h.field)).toEqual(['rag', 'evidence']);

    await call('findings.addProgress', { id, text: 'Vetting plan agreed with the alliance.' });
    const withProgress = await call<Finding>('findings.addProgress', { id, text: 'Backlog down to 40 files.' });
    expect(withProgress.tracking.progress.map((p) => [p.text, p.by])).toEqual([
      ['Vetting plan agreed with the alliance.', 'Ch Insp Jane Smith'],
      ['Backlog down to 40 files.', 'Ch Insp Jane Smith'],
    ]);
    const detail = await call<FindingDetail>('findings.get', { id });
    // Five field changes, then the entry of each progress update.
    expect(detail.finding.tracking.history.map((h) => h.field)).toEqual(['owner', 'status', 'due', 'rag', 'evidence', 'progress', 'progress']);
    expect(detail.report.reportKind).toBe('board-paper');
  });

  it('refuses an unknown finding and a blank progress update, changing nothing', async () => {
    const { failure, finding, call } = await start();
    expect(await failure('findings.update', { id: 'no-such-finding', owner: 'x' })).toMatchObject({ code: 'not-found' });
    const id = finding(WELLBEING_2016).id;
    expect(await failure('findings.addProgress', { id, text: '   ' })).toMatchObject({ code: 'invalid-input' });
    expect((await call<FindingDetail>('findings.get', { id })).finding.tracking.progress).toEqual([]);
  });
});

describe('links', () => {
  it('suggests the 2016 vetting recommendation → the 2017 vetting AFI of the board paper → the 2018/19 vetting AFI, and builds the chain once confirmed', async () => {
    const { call, finding } = await start();
    const v16 = finding(VETTING_2016).id;
    const v17 = finding(VETTING_2017).id;
    const v18 = finding(VETTING_2018).id;
    const suggested = await call<LinkView[]>('links.suggest', {});
    const pair = (a: string, b: string) => suggested.find((s) => s.link.earlierId === a && s.link.laterId === b);
    const first = pair(v16, v17);
    const second = pair(v17, v18);
    expect(first).toMatchObject({ link: { state: 'suggested' }, earlier: { reportPeriod: '2016' }, later: { reportKind: 'board-paper', reportPeriod: '2017' } });
    expect(second?.later.text).toContain('lowest level of vetting clearance');
    // Nothing about grievances was found in 2016, so the 2017 grievance AFI has no earlier partner.
    const grievance = finding('The force should ensure that the grievance process complies').id;
    expect(suggested.filter((s) => s.link.laterId === grievance)).toEqual([]);
    // Suggestions already stored are not made again.
    expect(await call<LinkView[]>('links.suggest', {})).toEqual([]);

    await call('links.decide', { id: first?.link.id, decision: 'confirmed' });
    await call('links.decide', { id: second?.link.id, decision: 'confirmed' });
    const detail = await call<FindingDetail>('findings.get', { id: v17 });
    expect(detail.chain.map((c) => c.id)).toEqual([v16, v17, v18]);
    expect(detail.chain.map((c) => c.reportPeriod)).toEqual(['2016', '2017', '2018/19']);

    // Rejecting takes the link out of the chain and out of the finding's links.
    await call('links.decide', { id: second?.link.id, decision: 'rejected' });
    const after = await call<FindingDetail>('findings.get', { id: v18 });
    expect(after.chain.map((c) => c.id)).toEqual([v18]);
    expect(after.links.some((l) => l.link.id === second?.link.id)).toBe(false);
  });

  it('links two findings by hand in time order, whichever way round they are given', async () => {
    const { call, failure, finding } = await start();
    const wellbeing = finding(WELLBEING_2016).id;
    const supervision = finding('The force should ensure regular and active supervision').id;
    const made = await call<LinkView>('links.create', { earlierId: supervision, laterId: wellbeing });
    expect(made.link).toMatchObject({ earlierId: wellbeing, laterId: supervision, state: 'confirmed' });
    expect((await call<FindingDetail>('findings.get', { id: supervision })).chain.map((c) => c.id)).toEqual([wellbeing, supervision]);
    const other2016 = finding(VETTING_2016).id;
    expect(await failure('links.create', { earlierId: wellbeing, laterId: other2016 })).toMatchObject({ code: 'invalid-input' });
    expect(await failure('links.decide', { id: 'no-such-link', decision: 'confirmed' })).toMatchObject({ code: 'not-found' });
  });
});

describe('grades.history', () => {
  it('puts the 2016 question and the 2018/19 component on one line: requires improvement, then good in 2017 (board paper) and 2018/19', async () => {
    const { call, ids } = await start();
    const history = await call<GradeHistory>('grades.history', {});
    expect(history.columns.map((c) => [c.reportId, c.period, c.kind])).toEqual([
      [ids['2016'], '2016', 'inspection-report'],
      [ids['2017'], '2017', 'board-paper'],
      [ids['2018/19'], '2018/19', 'inspection-report'],
    ]);
    const ethical = history.lines.find((l) => l.label === 'Ethical and lawful workforce behaviour');
    expect(ethical?.cells.map((c) => c.grade)).toEqual(['Requires improvement', 'Good', 'Good']);
    expect(ethical?.cells.map((c) => c.change)).toEqual(['first', 'improved', 'no-change']);
    // The 2018/19 summary table says fair treatment of the public was last inspected in 2017.
    const fair = history.lines.find((l) => l.label === 'Fair treatment of the public');
    expect(fair?.cells[2]).toMatchObject({ grade: 'Good', carriedOver: true, lastInspected: '2017' });
  });
});

describe('findings.dashboard', () => {
  it('counts open findings by status and RAG, and those without an owner', async () => {
    const { call, finding, rows } = await start();
    await call('findings.update', { id: finding(VETTING_2017).id, owner: 'Head of PSD', status: 'In progress', rag: 'Red', due: '2018-12-31' });
    const wellbeing = finding(WELLBEING_2016).id;
    await call('findings.update', { id: wellbeing, evidence: ['Wellbeing training register'] });
    await call('findings.step', { id: wellbeing, step: { step: 'propose', statement: 'Every supervisor trained.' } });
    await call('findings.step', { id: wellbeing, step: { step: 'approve', approver: 'DCC Jane Gyford', date: '2019-01-10', reason: 'Register seen.' } });
    const board = await call<Dashboard>('findings.dashboard', {});
    expect(board).toMatchObject({ total: rows.length, open: rows.length - 1, closed: 1, withoutOwner: rows.length - 2 });
    expect(board.openByStatus['In progress']).toBe(1);
    // The vetting AFI is Red by hand; the other open 2016 and 2017 findings (8 + 5) by the rules, having no owner
    // 30 days after their report came out. The 2018/19 text gives no publication date, so its eleven count from
    // their import today: Green, on track.
    expect(board.openByRag).toEqual({ Red: 14, Amber: 0, Green: 11, 'Not rated': 0 });
    // Its target date has passed, so the vetting AFI is overdue.
    expect(board.overdue.map((o) => o.due)).toEqual(['2018-12-31']);
  });
});
