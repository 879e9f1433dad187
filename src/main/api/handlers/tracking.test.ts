import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { callFails, callOk } from '../../../../tests/helpers/dispatch';
import { FIXTURES } from '../../../../tests/helpers/fixtures';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { testCipher } from '../../../../tests/helpers/test-cipher';
import type { CallName } from '../../../shared/api/contract';
import type { SaveOutcome } from '../../../shared/api/files';
import type { FindingDetail } from '../../../shared/api/findings';
import type { TrackingSettingsView } from '../../../shared/api/tracking';
import type { DueSoon, Reminders } from '../../../shared/domain/due-soon';
import type { Finding } from '../../../shared/domain/finding';
import type { RegisterPage } from '../../../shared/domain/views';
import { openAppCore, type AppCore } from '../../app';
import { downloadInstead } from '../../http/download';
import { importDocument } from '../../services/import-document';
import { todayIso } from '../../tracking/periods';
import { addDays } from '../../services/due-soon';
import { restoreArchive } from '../../store/restore';
import { Store } from '../../store/repository';
import type { ApiContext } from '../context';

const tempDir = useTempDirs();
const cores: AppCore[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()));
});

const PDF = () => readFile(join(FIXTURES, 'peel-2016-legitimacy-report.pdf'));
const DOCX = () => readFile(join(FIXTURES, 'peel-2016-legitimacy-report.docx'));
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

async function start(extra: Partial<Pick<ApiContext, 'openFile' | 'notify'>> = {}, dir?: string) {
  const dataDir = dir ?? (await tempDir());
  const core = await openAppCore(dataDir, { transport: 'ipc', saveFile: downloadInstead, ...extra }, { skipDailyBackup: true });
  cores.push(core);
  const call = <T>(name: CallName, input: unknown) => callOk<T>(core.dispatch, name, input);
  const failure = (name: CallName, input: unknown) => callFails(core.dispatch, name, input);
  const ids: Record<string, string> = {};
  for (const [key, name] of [
    ['2016', 'peel-2016-legitimacy-web-report.txt'],
    ['2018/19', 'peel-2018-19-integrated-report.txt'],
  ] as const) {
    ids[key] = (await importDocument(core.store, name, await readFile(join(FIXTURES, name)))).id;
  }
  const { rows } = await call<RegisterPage>('findings.register', { limit: 500 });
  const finding = (start: string): Finding => {
    const found = rows.find((r) => r.finding.text.startsWith(start))?.finding;
    if (!found) throw new Error(`no finding starting “${start}”`);
    return found;
  };
  return { core, call, failure, ids, rows, finding, dataDir };
}

// Words as the documents have them.
const VETTING_2016 = 'ensure it complies with all aspects of the current national guidelines for vetting';
const VETTING_2018 = 'The force should ensure all staff have received at least the lowest level of vetting clearance';
const WELLBEING_2016 = 'The force should ensure that its supervisors can recognise and provide support with wellbeing';
const SUPERVISION_2018 = 'The force should ensure regular and active supervision of the quality and progress of investigations';

describe('sign-off through the API', () => {
  it('proposes with evidence, approves with a named approver, reopens, and refuses steps out of turn', async () => {
    const { call, failure, finding } = await start();
    const id = finding(WELLBEING_2016).id;
    expect(await failure('findings.step', { id, step: { step: 'propose', statement: 'Training done.' } })).toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/Attach evidence/),
    });
    expect(await failure('findings.update', { id, status: 'Closed' })).toMatchObject({ message: expect.stringMatching(/closed by sign-off/) });
    await call('evidence.attach', { id, file: { fileName: 'Wellbeing training register.pdf', dataBase64: b64(await PDF()) } });
    await call('findings.step', { id, step: { step: 'propose', statement: 'Every supervisor has had wellbeing training.', proposedBy: 'Head of HR' } });
    expect(await failure('findings.step', { id, step: { step: 'approve', approver: ' ', date: todayIso(), reason: 'Seen.' } })).toMatchObject({ code: 'invalid-input' });
    const closed = await call<Finding>('findings.step', { id, step: { step: 'approve', approver: 'DCC Jane Gyford', date: todayIso(), reason: 'Register seen at the Gold Group.' } });
    expect(closed.tracking).toMatchObject({ status: 'Closed', resolution: { approver: 'DCC Jane Gyford', reason: 'Register seen at the Gold Group.' } });
    const reopened = await call<Finding>('findings.step', { id, step: { step: 'reopen', reason: 'New supervisors since.' } });
    expect(reopened.tracking.history.filter((h) => h.field === 'status').map((h) => h.to)).toEqual(['Proposed for closure', 'Closed', 'In progress']);
    expect(reopened.tracking.history.at(-1)?.note).toBe('Reopened: New supervisors since.');
  });

  it('supersedes a 2016 finding by a 2018/19 one, never the other way round', async () => {
    const { call, failure, finding } = await start();
    const older = finding(VETTING_2016).id;
    const newer = finding(VETTING_2018).id;
    expect(await failure('findings.step', { id: newer, step: { step: 'supersede', byFindingId: older } })).toMatchObject({
      message: expect.stringMatching(/is not later than/),
    });
    await call('findings.step', { id: older, step: { step: 'supersede', byFindingId: newer } });
    const detail = await call<FindingDetail>('findings.get', { id: older });
    expect(detail.finding.tracking.status).toBe('Superseded');
    expect(detail.supersededBy).toMatchObject({ id: newer, reference: '2018/19-AFI-09', reportPeriod: '2018/19' });
    expect(detail.reference).toBe('2016-REC-03');
  });
});

describe('evidence files', () => {
  it('keeps an attached file once by sha256, lists it, opens or downloads it, and deletes it when no finding needs it', async () => {
    const opened: Array<{ name: string; size: number }> = [];
    const { call, core, finding, dataDir } = await start({ openFile: async (name, bytes) => void opened.push({ name, size: bytes.length }) });
    const pdf = await PDF();
    const a = finding(WELLBEING_2016).id;
    const b = finding(VETTING_2016).id;
    const one = await call<Finding>('evidence.attach', { id: a, file: { fileName: 'C:\\Users\\officer\\Training register.pdf', dataBase64: b64(pdf) } });
    await call('evidence.attach', { id: b, file: { fileName: 'Same file.pdf', dataBase64: b64(pdf) } });
    const attachment = one.tracking.attachments[0]!;
    expect(attachment).toMatchObject({ name: 'Training register.pdf', size: pdf.length, mimeType: 'application/pdf', progressId: null });
    expect(await readdir(join(dataDir, 'evidence'))).toEqual([attachment.sha256]);
    expect(one.tracking.history.at(-1)).toMatchObject({ field: 'attachments', from: null, to: 'Training register.pdf' });

    expect(await call('evidence.open', { id: a, attachmentId: attachment.id, mode: 'open' })).toEqual({ status: 'opened', fileName: 'Training register.pdf' });
    expect(opened).toEqual([{ name: 'Training register.pdf', size: pdf.length }]);
    const saved = await call<SaveOutcome>('evidence.open', { id: a, attachmentId: attachment.id, mode: 'save' });
    expect(saved).toMatchObject({ status: 'download', fileName: 'Training register.pdf', mimeType: 'application/pdf' });
    expect(Buffer.from((saved as { dataBase64: string }).dataBase64, 'base64').equals(pdf)).toBe(true);

    await call('evidence.remove', { id: a, attachmentId: attachment.id });
    expect(existsSync(join(dataDir, 'evidence', attachment.sha256))).toBe(true); // still attached to the other finding
    const other = (await call<FindingDetail>('findings.get', { id: b })).finding.tracking.attachments[0]!;
    await call('evidence.remove', { id: b, attachmentId: other.id });
    expect(existsSync(join(dataDir, 'evidence', attachment.sha256))).toBe(false);
    expect(core.store.reportDoc(one.reportId)?.findings.find((f) => f.id === a)?.tracking.history.at(-1)).toMatchObject({ from: 'Training register.pdf', to: null });
  });

  it('attaches to a progress update, and refuses what is not evidence with the reason, storing nothing', async () => {
    const { call, failure, finding, dataDir } = await start();
    const id = finding(WELLBEING_2016).id;
    const withUpdate = await call<Finding>('findings.addProgress', { id, text: 'Training plan agreed.', on: '2019-02-12' });
    const progressId = withUpdate.tracking.progress[0]!.id;
    const attached = await call<Finding>('evidence.attach', { id, progressId, file: { fileName: 'Plan.docx', dataBase64: b64(await DOCX()) } });
    expect(attached.tracking.attachments[0]).toMatchObject({ progressId, mimeType: expect.stringContaining('wordprocessingml') });

    const refuse = async (fileName: string, bytes: Uint8Array) => failure('evidence.attach', { id, file: { fileName, dataBase64: b64(bytes) } });
    expect(await refuse('setup.exe', Buffer.from('MZ...'))).toMatchObject({ code: 'unsupported-format', message: expect.stringMatching(/“setup.exe” cannot be attached: evidence can be a PDF/) });
    expect(await refuse('minutes.pdf', Buffer.from('These are the minutes.'))).toMatchObject({ message: '“minutes.pdf” cannot be attached: it is not a PDF (it does not start with %PDF-).' });
    expect(await refuse('figures.xlsx', await DOCX())).toMatchObject({ message: '“figures.xlsx” cannot be attached: it is a zip file but not an Excel workbook.' });
    expect(await refuse('empty.png', new Uint8Array())).toMatchObject({ message: '“empty.png” is empty.' });
    expect(await refuse('note.eml', Buffer.from('Hello, this is not a mail.'))).toMatchObject({ message: expect.stringMatching(/not a saved email/) });
    expect(await failure('evidence.attach', { id: 'no-such-finding', file: { fileName: 'a.pdf', dataBase64: b64(await PDF()) } })).toMatchObject({ code: 'not-found' });
    const big = 'A'.repeat(Math.ceil((64 * 1024 * 1024 * 4) / 3) + 8);
    expect(await failure('evidence.attach', { id, file: { fileName: 'huge.pdf', dataBase64: big } })).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/64 MB/) });
    expect(await readdir(join(dataDir, 'evidence'))).toHaveLength(1);
    // An email saved from Outlook as .eml is accepted.
    const mail = 'From: Head of HR <hr@cambs.police.uk>\r\nSubject: Wellbeing training\r\nDate: Tue, 12 Feb 2019 10:00:00 +0000\r\n\r\nAll done.';
    await call('evidence.attach', { id, file: { fileName: 'Re wellbeing.eml', dataBase64: b64(Buffer.from(mail)) } });
  });

  it('goes into the whole-store archive and comes back with a restore', async () => {
    const { call, core, finding } = await start();
    const pdf = await PDF();
    const id = finding(WELLBEING_2016).id;
    const { tracking } = await call<Finding>('evidence.attach', { id, file: { fileName: 'Register.pdf', dataBase64: b64(pdf) } });
    const archive = join(await tempDir(), 'store.ldarchive');
    await core.store.exportArchive(archive);
    const target = await tempDir();
    await restoreArchive(target, archive);
    const restored = await Store.open(target, { skipDailyBackup: true });
    expect((await restored.readEvidence(tracking.attachments[0]!.sha256)).equals(pdf)).toBe(true);
    await restored.close();
  });

  it('is sealed on disk while encryption at rest is on, and read back as attached', async () => {
    const dir = await tempDir();
    const cipher = testCipher();
    const store = await Store.open(dir, { skipDailyBackup: true, cipher });
    await store.setEncryption(true);
    const pdf = await PDF();
    const sha = await store.putEvidence(pdf);
    const onDisk = await readFile(join(dir, 'evidence', sha));
    expect(onDisk.subarray(0, 6).toString()).toBe('LDENC1');
    expect(onDisk.includes(pdf.subarray(0, 200))).toBe(false);
    expect((await store.readEvidence(sha)).equals(pdf)).toBe(true);
    await store.setEncryption(false);
    expect((await readFile(join(dir, 'evidence', sha))).equals(pdf)).toBe(true);
    await store.close();
  });
});

describe('RAG from written rules', () => {
  it('shows the rules in words, derives RAG from them, and lets a manual rating override, saying so', async () => {
    const { call, finding } = await start();
    const view = await call<TrackingSettingsView>('tracking.settings', {});
    expect(view.words).toEqual({
      Red: ['its target date has passed', 'it has no owner 30 days after the report was published'],
      Amber: ['it is due within 30 days and has had no progress update for 60 days'],
      Green: 'otherwise, while it is open: on track',
    });
    const id = finding(SUPERVISION_2018).id;
    const today = todayIso();
    await call('findings.update', { id, owner: 'Head of Learning', due: addDays(today, 20) });
    // Imported today, so the report counts as published today: due in 20 days, but an update was due only after 60 quiet days.
    const get = async () => (await call<FindingDetail>('findings.get', { id })).finding.tracking;
    expect(await get()).toMatchObject({ rag: 'Green', ragSource: 'derived', ragReason: 'Green: on track.' });
    await call('tracking.updateSettings', { ...view.settings, rag: { ...view.settings.rag, amberNoUpdateDays: null } });
    expect(await get()).toMatchObject({ rag: 'Amber', ragReason: expect.stringMatching(/^Amber: due on .*, within 30 days\.$/) });
    await call('findings.update', { id, due: addDays(today, -1) });
    expect(await get()).toMatchObject({ rag: 'Red', ragReason: expect.stringMatching(/^Red: its target date, .*, has passed\.$/) });
    await call('findings.update', { id, rag: 'Green' });
    expect(await get()).toMatchObject({ rag: 'Green', ragSource: 'manual', ragReason: expect.stringMatching(/^Set by hand, overriding the rules \(which give Red: its target date/) });
    const cleared = await call<Finding>('findings.update', { id, rag: null });
    expect(await get()).toMatchObject({ rag: 'Red', ragSource: 'derived' });
    // The answer to an edit carries the same RAG, so a window that patches its copy shows what a fresh read would.
    expect(cleared.tracking).toMatchObject({ rag: 'Red', ragSource: 'derived' });
    const { rows } = await call<RegisterPage>('findings.register', { limit: 500 });
    expect(rows.find((r) => r.finding.id === id)!.finding.tracking).toMatchObject({ rag: 'Red', ragSource: 'derived' });
  });
});

describe('references', () => {
  it('a finding’s reference follows its report’s period when the officer corrects it, and a second report of the period is “b”', async () => {
    const { call, finding, ids } = await start();
    const reference = async (text: string) => (await call<FindingDetail>('findings.get', { id: finding(text).id })).reference;
    expect(await reference(VETTING_2018)).toBe('2018/19-AFI-09');
    expect(await reference(VETTING_2016)).toBe('2016-REC-03');
    // The 2016 report said to be of 2018/19: imported first, it keeps the plain label and the 2018/19 report becomes “b”.
    await call('reports.updateMeta', { id: ids['2016'], changes: { period: '2018/19' } });
    expect(await reference(VETTING_2016)).toBe('2018/19-REC-03');
    expect(await reference(VETTING_2018)).toBe('2018/19b-AFI-09');
  });
});

describe('due soon, reminders and the calendar', () => {
  async function withDates() {
    const app = await start();
    const today = todayIso();
    const set = (text: string, owner: string | null, days: number) => app.call('findings.update', { id: app.finding(text).id, owner, due: addDays(today, days) });
    await set(WELLBEING_2016, 'Head of HR', 40);
    await set(VETTING_2016, 'Head of PSD', -10);
    await set(VETTING_2018, 'Head of PSD', 70);
    await set(SUPERVISION_2018, 'Head of HR', -3);
    await set('The force should improve how it', null, 100);
    return { ...app, today };
  }

  it('lists the next 30, 60 or 90 days with everything overdue, owners with overdue work first', async () => {
    const { call } = await withDates();
    const in30 = await call<DueSoon>('findings.dueSoon', { days: 30 });
    expect(in30.groups.map((g) => [g.owner, g.items.map((i) => i.daysLeft)])).toEqual([
      ['Head of PSD', [-10]],
      ['Head of HR', [-3]],
    ]);
    expect(in30).toMatchObject({ total: 2, overdue: 2 });
    const in90 = await call<DueSoon>('findings.dueSoon', { days: 90 });
    expect(in90.groups.map((g) => [g.owner, g.items.map((i) => i.daysLeft)])).toEqual([
      ['Head of PSD', [-10, 70]],
      ['Head of HR', [-3, 40]],
    ]);
    expect(in90.groups[0]!.items[0]).toMatchObject({ reference: '2016-REC-03', overdue: true });
    const hr = await call<DueSoon>('findings.dueSoon', { days: 90, owner: 'head of hr' });
    expect(hr.groups.map((g) => g.owner)).toEqual(['Head of HR']);
  });

  it('reminds of what is overdue or due within 45 days, until snoozed; the desktop notification answers with the choice', async () => {
    const { call, finding } = await withDates();
    const due = await call<Reminders>('reminders.due', {});
    expect(due).toMatchObject({ enabled: true, noticeDays: 45, overdue: 2, dueSoon: 1, snoozed: 0 });
    await call('reminders.snooze', { findingIds: [finding(VETTING_2016).id], days: 1 });
    expect(await call<Reminders>('reminders.due', {})).toMatchObject({ overdue: 1, dueSoon: 1, snoozed: 1 });
    // The browser host shows no system notification.
    expect(await call('reminders.notify', {})).toEqual({ shown: false, action: null });
    const notices: Array<{ title: string; body: string }> = [];
    const desktop = await start({ notify: async (n) => (notices.push(n), 'snooze') });
    const today = todayIso();
    await desktop.call('findings.update', { id: desktop.finding(WELLBEING_2016).id, owner: 'Head of HR', due: addDays(today, -2) });
    expect(await desktop.call('reminders.notify', {})).toEqual({ shown: true, action: 'snooze' });
    expect(notices[0]).toEqual({ title: 'HMICFRS findings: 1 overdue', body: expect.stringMatching(/^2016-AFI-04 \(Head of HR\): The force should ensure that its supervisors/) });
  });

  it('follows every change after it was first asked: dates moved in and out, a report archived and made active again, the RAG rules changed', async () => {
    const { call, finding, today } = await withDates();
    const reminded = async () => (await call<Reminders>('reminders.due', {})).items.map((i) => i.daysLeft);
    expect(await reminded()).toEqual([-10, -3, 40]);
    await call('findings.update', { id: finding(VETTING_2018).id, due: addDays(today, 5) });
    await call('findings.update', { id: finding(WELLBEING_2016).id, due: addDays(today, 200) });
    expect(await reminded()).toEqual([-10, -3, 5]);
    const vetting2016 = finding(VETTING_2016);
    await call('reports.setStatus', { id: vetting2016.reportId, status: 'archived' });
    expect(await reminded()).toEqual([-3, 5]);
    await call('reports.setStatus', { id: vetting2016.reportId, status: 'active' });
    expect(await reminded()).toEqual([-10, -3, 5]);
    // The RAG each item carries follows the rules as they now stand. The 2018/19 report gives no publication
    // date, so it counts from its import today: not yet 60 days without an update, so Green by default; Amber
    // once being due within 30 days is enough.
    const rag = async () => (await call<Reminders>('reminders.due', {})).items.find((i) => i.daysLeft === 5)!.rag;
    expect(await rag()).toBe('Green');
    const view = await call<TrackingSettingsView>('tracking.settings', {});
    await call('tracking.updateSettings', { ...view.settings, rag: { ...view.settings.rag, amberNoUpdateDays: null } });
    expect(await rag()).toBe('Amber');
  });

  it('exports target dates as iCalendar that a real parser reads back: one event per finding, stable UIDs, an alarm', async () => {
    const { call, core, finding, today } = await withDates();
    const ics = async (input: object) => {
      const saved = await call<{ dataBase64: string; fileName: string; mimeType: string }>('reminders.exportCalendar', input);
      expect(saved.mimeType).toBe('text/calendar');
      return new ICAL.Component(ICAL.parse(Buffer.from(saved.dataBase64, 'base64').toString('utf8')));
    };
    const calendar = await ics({});
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(5);
    const vetting = events.find((e) => e.uid === `${finding(VETTING_2016).id}@liaison-desk`)!;
    expect(vetting.summary).toMatch(/^2016-REC-03 due: /);
    expect(vetting.startDate.isDate).toBe(true);
    expect(vetting.startDate.toString()).toBe(addDays(today, -10));
    expect(vetting.description).toContain('Owner: Head of PSD');
    const alarm = vetting.component.getFirstSubcomponent('valarm')!;
    expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(alarm.getFirstPropertyValue('trigger')?.toString()).toBe('-P7D');
    const sequence = vetting.sequence;

    // Exported again after the date moves: the same UID with a higher SEQUENCE, so Outlook updates the event.
    await call('findings.update', { id: finding(VETTING_2016).id, due: addDays(today, 5) });
    const again = (await ics({})).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const moved = again.find((e) => e.uid === vetting.uid)!;
    expect(moved.sequence).toBeGreaterThan(sequence);
    expect(moved.startDate.toString()).toBe(addDays(today, 5));

    const hr = (await ics({ owner: 'Head of HR' })).getAllSubcomponents('vevent');
    expect(hr).toHaveLength(2);
    expect(core.store.index.tracking.reminders.alarmDaysBefore).toBe(7);
  });
});
