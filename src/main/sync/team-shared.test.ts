import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReportDoc } from '../../../tests/helpers/make-report';
import { TeamClient } from '../../../tests/helpers/team-client';
import { TeamServer } from '../../../tests/helpers/team-server';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { attachEvidence } from '../services/evidence';
import { setForceLogo } from '../services/force-logo';
import { stepFinding } from '../services/lifecycle';
import { setReportStatus } from '../services/report-lifecycle';
import { addVersion, removeVersion, useVersion, type ReadFile } from '../services/report-versions';
import { updateTracking } from '../services/findings';

let server: TeamServer;
const temp = useTempDirs();
let n = 0;

beforeAll(async () => {
  server = await TeamServer.start();
  await server.addUser('alice', 'alice-pw', ['officer', 'approver']);
  await server.addUser('bob', 'bob-pw', ['approver']);
}, 60_000);
afterAll(async () => server?.stop());

/** A team database set up by its admin, with Alice's and Bob's computers joined to it. */
async function team() {
  const remote = await server.createTeam(`shared${++n}`);
  await server.installRules(`shared${n}`);
  const a = await TeamClient.open(await temp(), remote, 'alice', 'alice-pw', 'Alice Adams');
  const b = await TeamClient.open(await temp(), remote, 'bob', 'bob-pw', 'Bob Brown');
  return { a, b, remote };
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Another file of a report as the import would have read it (only what keeping a version uses). */
function htmlVersion(html: string): ReadFile {
  const bytes = Buffer.from(html);
  return {
    fileName: 'peel-2017.html',
    bytes,
    sha256: sha(bytes),
    document: { format: 'html', text: 'Areas for improvement\nThe force should improve.', pages: [] },
    extraction: undefined as never,
    fingerprint: 'f1',
  };
}

describe('what else the team shares', () => {
  it('report versions with their files, archived and superseded reports, the logo and team settings; personal settings stay', async () => {
    const { a, b, remote } = await team();
    const made = [0, 1, 2].map((r) => makeReportDoc(`Areas for improvement\n\nReport ${r}: the force should improve.`, `PEEL 201${r}`));
    for (const m of made) await a.store.addReport(m.doc, m.text, m.source);
    const [r0, r1, r2] = made.map((m) => m.doc.report.id) as [string, string, string];
    const version = htmlVersion('<html><body><h2>Areas for improvement</h2><p>The force should improve.</p></body></html>');
    await addVersion(a.store, r0, version, '2024-02-01T09:00:00.000Z');
    await setReportStatus(a.store, { id: r1, status: 'archived' }, '2024-02-02T09:00:00.000Z');
    await setReportStatus(a.store, { id: r2, status: 'superseded', by: r0 }, '2024-02-02T09:05:00.000Z');
    const logo = await readFile(resolve('resources/logo.png'));
    await setForceLogo(a.store, 'force-crest.png', logo);
    await a.store.updateIndex((d) => {
      d.settings.boardName = 'Gold Group';
      d.settings.userRole = 'Chief Inspector';
      d.settings.profileSet = true;
      d.snoozes.push({ findingIds: [made[0]!.doc.findings[0]!.id], until: '2030-01-01T00:00:00.000Z' });
    });
    await a.sync();
    await b.sync();

    const got = (id: string) => b.store.reportDoc(id)!.report;
    expect(got(r0).versions).toEqual([{ fileName: 'peel-2017.html', format: 'html', sha256: version.sha256, size: version.bytes.length, importedAt: '2024-02-01T09:00:00.000Z', fingerprint: 'f1' }]);
    expect(await b.store.readSource(version.sha256)).toEqual(version.bytes);
    expect((await b.store.readText(version.sha256)).text).toBe('Areas for improvement\nThe force should improve.');
    expect(await b.store.readText(made[0]!.doc.report.sha256)).toEqual(made[0]!.text);
    expect([got(r1).status, got(r2).status, got(r2).supersededBy]).toEqual(['archived', 'superseded', r0]);
    const s = b.store.index.settings;
    expect(s.logo).toEqual(a.store.index.settings.logo);
    expect(await b.store.readSource(s.logo!.sha256)).toEqual(logo);
    expect(s.boardName).toBe('Gold Group');
    // Who Bob is, and the reminders he put off, are his own.
    expect([s.userName, s.userRole, s.profileSet]).toEqual(['Bob Brown', undefined, undefined]);
    expect(b.store.index.snoozes).toEqual([]);
    expect(b.engine.status.notApplied).toEqual([]);

    // Alice makes the web page the report's main file (read again in the import worker); the text file becomes a
    // replaced version. Bob's copy follows, and a third computer joining now gets both files.
    const first = made[0]!.doc.report.sha256;
    await useVersion(a.store, r0, version.sha256, '2024-02-03T09:00:00.000Z');
    await a.sync();
    await b.sync();
    const c = await TeamClient.open(await temp(), remote, 'bob', 'bob-pw', 'Carol Cole');
    await c.sync();
    for (const person of [a, b, c]) {
      const report = person.store.reportDoc(r0)!.report;
      expect([report.sha256, report.fileName, report.format]).toEqual([version.sha256, 'peel-2017.html', 'html']);
      expect(report.versions?.map((v) => [v.sha256, v.fileName, v.replacedAt])).toEqual([[first, 'test.txt', '2024-02-03T09:00:00.000Z']]);
      expect(await person.store.readSource(version.sha256)).toEqual(version.bytes);
      expect(await person.store.readSource(first)).toEqual(made[0]!.source);
    }
    expect(c.engine.status.notApplied).toEqual([]);
    await c.close();

    // Bob removes the old version: it goes from Alice's report too, and its file with the store's next close.
    await removeVersion(b.store, r0, first);
    await b.sync();
    await a.sync();
    expect(a.store.reportDoc(r0)!.report.versions ?? []).toEqual([]);
    await a.close();
    expect(existsSync(join(a.dir, 'sources', first))).toBe(false);
    expect(existsSync(join(a.dir, 'sources', version.sha256))).toBe(true);
    await b.close();
  }, 90_000);

  it('a first upload of many batches (sent while it is merged) arrives whole, and a second computer joins with all of it', async () => {
    const { a, b } = await team();
    const made = Array.from({ length: 120 }, (_, r) => makeReportDoc(`Areas for improvement\n\nReport ${r}: the force should improve ${'its response '.repeat(r % 7)}.`, `Report ${r}`));
    for (const m of made) await a.store.addReport(m.doc, m.text, m.source);
    const first = await a.sync();
    // Each report is its document and its finding's; the team settings one more.
    expect(first.pushed).toBe(120 * 2 + 1);
    expect(a.engine.status.waiting).toBe(0);
    await b.sync();
    expect(b.store.allReportDocs().map((d) => d.report.title).sort()).toEqual(made.map((m) => m.doc.report.title).sort());
    for (const m of [made[0]!, made[77]!, made[119]!]) {
      expect(await b.store.readText(m.doc.report.sha256)).toEqual(m.text);
      expect(await b.store.readSource(m.doc.report.sha256)).toEqual(m.source);
    }
    await a.close();
    await b.close();
  }, 120_000);

  it('a report archived on one computer and superseded on the other while apart ends one way on both, the other kept for a decision', async () => {
    const { a, b } = await team();
    const made = [0, 1].map((r) => makeReportDoc(`Areas for improvement\n\nReport ${r}: the force should act.`, `PEEL 202${r}`));
    for (const m of made) await a.store.addReport(m.doc, m.text, m.source);
    const [r0, r1] = made.map((m) => m.doc.report.id) as [string, string];
    await a.sync();
    await b.sync();
    (a.engine as unknown as { now: () => Date }).now = () => new Date('2024-03-01T10:00:00.000Z');
    (b.engine as unknown as { now: () => Date }).now = () => new Date('2024-03-01T11:00:00.000Z');
    await setReportStatus(a.store, { id: r0, status: 'archived' }, '2024-03-01T10:00:00.000Z');
    await setReportStatus(b.store, { id: r0, status: 'superseded', by: r1 }, '2024-03-01T11:00:00.000Z');
    await a.sync();
    await b.sync();
    await a.sync();
    for (const person of [a, b]) {
      const r = person.store.reportDoc(r0)!.report;
      expect([r.status, r.supersededBy, r.statusAt]).toEqual(['superseded', r1, '2024-03-01T11:00:00.000Z']);
    }
    const kept = await a.engine.kept.list();
    expect(kept.map((k) => [k.type, k.changes])).toEqual([['conflict', [{ field: 'report.status', value: 'archived', was: 'superseded' }]]]);
    await a.close();
    await b.close();
  }, 90_000);

  it('two sign-off steps taken apart: the first taken stands on both, the other is in the history and flagged once', async () => {
    const { a, b } = await team();
    const m = makeReportDoc('Areas for improvement\n\nThe force should improve custody.', 'PEEL 2019');
    await a.store.addReport(m.doc, m.text, m.source);
    const id = m.doc.findings[0]!.id;
    await updateTracking(a.store, id, { evidence: ['Custody audit'] }, '2024-04-01T09:00:00.000Z');
    await stepFinding(a.store, id, { step: 'propose', statement: 'Custody checks are done hourly.' }, '2024-04-01T09:05:00.000Z', '2024-04-01');
    await a.sync();
    await b.sync();
    // Both approvers, both offline: Alice signs it off at 10:00, Bob sends it back at 10:30.
    await stepFinding(a.store, id, { step: 'approve', approver: 'Alice Adams', date: '2024-04-02', reason: 'Audit seen.' }, '2024-04-02T10:00:00.000Z', '2024-04-02');
    await stepFinding(b.store, id, { step: 'sendBack', reason: 'The audit covers one suite only.' }, '2024-04-02T10:30:00.000Z', '2024-04-02');
    await b.sync();
    await a.sync();
    await b.sync();
    await a.sync();
    for (const person of [a, b]) {
      const t = person.finding(id)!.tracking;
      expect(t.status).toBe('Closed');
      expect(t.resolution).toMatchObject({ approver: 'Alice Adams', date: '2024-04-02' });
      expect(t.steps!.map((s) => s.step)).toEqual(['propose', 'approve', 'sendBack']);
      expect(t.twoPeople).toEqual([
        { field: 'status', kept: 'Closed', keptBy: 'Alice Adams', keptAt: '2024-04-02T10:00:00.000Z', other: 'In progress', otherBy: 'Bob Brown', otherAt: '2024-04-02T10:30:00.000Z' },
      ]);
      expect(t.history.filter((h) => h.by === 'Team sync')).toEqual([{ at: '2024-04-02T10:30:00.000Z', by: 'Team sync', field: 'status', from: 'In progress', to: 'Closed' }]);
      // Both steps are in the history as their takers recorded them.
      expect(t.history.filter((h) => h.field === 'status' && h.by !== 'Team sync').map((h) => [h.by, h.to])).toEqual([
        ['Alice Adams', 'Proposed for closure'],
        ['Alice Adams', 'Closed'],
        ['Bob Brown', 'In progress'],
      ]);
    }
    expect(JSON.stringify(a.finding(id))).toBe(JSON.stringify(b.finding(id)));
    // Checked and confirmed: the flag goes, and is not raised again by the next merge.
    await a.store.updateReport(m.doc.report.id, (d) => void (d.findings[0]!.tracking.twoPeople = []));
    await a.sync();
    await b.sync();
    await a.sync();
    expect([a.finding(id)!.tracking.twoPeople, b.finding(id)!.tracking.twoPeople]).toEqual([[], []]);
    await a.close();
    await b.close();
  }, 90_000);

  it('an evidence file that does not match its fingerprint is not stored; the rest of the change arrives and the file is tried again', async () => {
    const { a, b } = await team();
    const m = makeReportDoc('Areas for improvement\n\nThe force should improve vetting.', 'PEEL 2020');
    await a.store.addReport(m.doc, m.text, m.source);
    const id = m.doc.findings[0]!.id;
    await a.sync();
    await b.sync();
    const pdf = Buffer.from('%PDF-1.4\n% the vetting audit\n%%EOF\n');
    await attachEvidence(a.store, id, { fileName: 'audit.pdf', bytes: pdf }, null, '2024-05-01T09:00:00.000Z');
    await updateTracking(a.store, id, { owner: 'Supt Clark' }, '2024-05-01T09:01:00.000Z');
    // The file on Alice's disk is changed behind the app's back before it is sent.
    await writeFile(join(a.dir, 'evidence', sha(pdf)), '%PDF-1.4\n% something else\n');
    await a.sync();
    await b.sync();
    const t = b.finding(id)!.tracking;
    expect(t.owner).toBe('Supt Clark');
    expect(t.attachments).toEqual([]);
    expect(existsSync(join(b.dir, 'evidence', sha(pdf)))).toBe(false);
    expect(b.engine.status.notApplied).toEqual(['The evidence file “audit.pdf” from the team was not stored here: its file does not match its fingerprint (sha256).']);
    // Alice's record stays with the team (never deleted for want of its file).
    await a.sync();
    expect(a.finding(id)!.tracking.attachments.map((f) => f.name)).toEqual(['audit.pdf']);
    await a.close();
    await b.close();
  }, 90_000);
});
