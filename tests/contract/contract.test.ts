import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { contract, type CallName } from '../../src/shared/api/contract';
import { useTempDirs } from '../helpers/temp-dir';
import { startTestApp } from '../helpers/test-app';
import { CALL_SAMPLES, type Fixtures } from './samples';
import type { Annotation, Note } from '../../src/shared/domain/notes';
import type { DeletedReport } from '../../src/shared/api/reports';
import { TeamServer } from '../helpers/team-server';

const tempDir = useTempDirs();

const sha256Of = (name: string) => createHash('sha256').update(readFileSync(join(import.meta.dirname, '..', 'fixtures', name))).digest('hex');

async function importFixture(app: Awaited<ReturnType<typeof startTestApp>>, name: string, onSameReport?: string): Promise<string> {
  const dataBase64 = readFileSync(join(import.meta.dirname, '..', 'fixtures', name)).toString('base64');
  const result = await app.http('reports.import', { fileName: name, dataBase64, onSameReport });
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { id: string }).id;
}

describe('the API contract over both transports', () => {
  it('has a sample input for exactly the calls in the contract', () => {
    expect(Object.keys(CALL_SAMPLES).sort()).toEqual(Object.keys(contract).sort());
  });

  it('gives the same, schema-valid answer to every call over HTTP and over IPC', async () => {
    // The team calls talk to a real CouchDB-compatible server (pouchdb-server on loopback).
    const server = await TeamServer.start();
    await server.addUser('contract', 'contract-pw', ['officer', 'approver']);
    await server.createTeam('contract');
    const app = await startTestApp(await tempDir());
    const fixtures: Fixtures = {
      reportId: await importFixture(app, 'peel-2016-legitimacy-web-report.txt'),
      spareReportId: await importFixture(app, 'hmic-2016-legitimacy-press-release.txt'),
      paperId: '',
      sparePaperId: '',
      archiveBase64: '',
      pass: 0,
      findingIds: [],
      judgmentIds: [],
      annotations: [],
      notes: [],
      laterFindingIds: [],
      linkId: '',
      attachmentIds: [],
      requestWorkbookBase64: '',
      progressPaperId: '',
      versionShas: {
        text: sha256Of('peel-2016-legitimacy-web-report.txt'),
        html: sha256Of('peel-2016-legitimacy-report.html'),
        pdf: sha256Of('peel-2016-legitimacy-report.pdf'),
      },
      deleted: [],
      team: { server: server.url, database: 'contract', user: 'admin', password: 'team-admin-secret' },
    };
    // The same report as HTML and PDF, kept as other versions of the text file's report.
    for (const name of ['peel-2016-legitimacy-report.html', 'peel-2016-legitimacy-report.pdf']) {
      expect(await importFixture(app, name, 'add-version')).toBe(fixtures.reportId);
    }
    for (const [name, choice] of [['peel-2016-legitimacy-report.docx', 'new'], ['northshire-peel-2017-effectiveness.html', undefined]] as const) {
      const deleted = await app.http('reports.delete', { id: await importFixture(app, name, choice) });
      if (!deleted.ok) throw new Error(deleted.error.message);
      fixtures.deleted.push((deleted.value as { undo: DeletedReport }).undo);
    }
    const detail = await app.http('reports.get', { id: fixtures.reportId });
    if (!detail.ok) throw new Error(detail.error.message);
    const { report, findings } = detail.value as { report: { judgments: { id: string }[] }; findings: { id: string }[] };
    fixtures.findingIds = findings.map((f) => f.id);
    fixtures.judgmentIds = report.judgments.map((j) => j.id);
    for (const start of [300, 400, 500]) {
      const made = await app.http('annotations.create', { reportId: fixtures.reportId, start, end: start + 40, note: `Note at ${start}`, tags: ['vetting'], colour: 'yellow' });
      if (!made.ok) throw new Error(made.error.message);
      fixtures.annotations.push(made.value as Annotation);
      const note = await app.http('notes.create', { text: `Interview note ${start}`, tags: ['interview'], reportId: fixtures.reportId });
      if (!note.ok) throw new Error(note.error.message);
      fixtures.notes.push(note.value as Note);
    }
    const later = await app.http('reports.get', { id: await importFixture(app, 'peel-2018-19-integrated-report.txt') });
    if (!later.ok) throw new Error(later.error.message);
    fixtures.laterFindingIds = (later.value as { findings: { id: string }[] }).findings.map((f) => f.id);
    const link = await app.http('links.create', { earlierId: fixtures.findingIds[8] ?? 'missing', laterId: fixtures.laterFindingIds[0] ?? 'missing' });
    if (!link.ok) throw new Error(link.error.message);
    fixtures.linkId = (link.value as { link: { id: string } }).link.id;
    for (const fileName of ['training-register.pdf', 'minutes.pdf']) {
      const dataBase64 = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'peel-2016-legitimacy-report.pdf')).toString('base64');
      const attached = await app.http('evidence.attach', { id: fixtures.findingIds[8] ?? 'missing', file: { fileName, dataBase64 } });
      if (!attached.ok) throw new Error(attached.error.message);
      const { attachments } = (attached.value as { tracking: { attachments: { id: string }[] } }).tracking;
      fixtures.attachmentIds.push(attachments.at(-1)?.id ?? 'missing');
    }
    const progressPaper = await app.http('progressPapers.create', { reportId: fixtures.reportId });
    if (!progressPaper.ok) throw new Error(progressPaper.error.message);
    fixtures.progressPaperId = (progressPaper.value as { id: string }).id;
    const request = await app.http('requests.create', { format: 'xlsx' });
    if (!request.ok) throw new Error(request.error.message);
    fixtures.requestWorkbookBase64 = (request.value as { dataBase64: string }).dataBase64;
    for (const key of ['paperId', 'sparePaperId'] as const) {
      const paper = await app.http('papers.create', { reportId: fixtures.reportId });
      if (!paper.ok) throw new Error(paper.error.message);
      fixtures[key] = (paper.value as { id: string }).id;
    }
    const archive = await app.http('store.exportArchive', {});
    if (!archive.ok) throw new Error(archive.error.message);
    fixtures.archiveBase64 = (archive.value as { dataBase64: string }).dataBase64;
    for (const name of Object.keys(CALL_SAMPLES) as CallName[]) {
      const input = CALL_SAMPLES[name](fixtures as never);
      const overHttp = await app.http(name, input);
      // A second sample, so a write that cannot be repeated (split, merge) is made on other items.
      const overIpc = await app.ipc(name, CALL_SAMPLES[name]({ ...fixtures, pass: 1 } as never));
      expect(overHttp, `${name} over HTTP: ${JSON.stringify(overHttp).slice(0, 300)}`).toMatchObject({ ok: true });
      expect(overIpc, `${name} over IPC`).toMatchObject({ ok: true });
      if (!overHttp.ok || !overIpc.ok) continue;
      expect(() => contract[name].output.parse(overHttp.value), `${name} output`).not.toThrow();
      if (!contract[name].writes) {
        const normalise = (v: unknown) => JSON.parse(JSON.stringify(v, (k, x) => (k === 'transport' ? undefined : x)));
        expect(normalise(overIpc.value), `${name}: same answer`).toEqual(normalise(overHttp.value));
      }
    }
    await app.close();
    await server.stop();
  }, 120_000);

  it('refuses an invalid payload for every call that takes input, over both transports', async () => {
    const app = await startTestApp(await tempDir());
    for (const name of Object.keys(contract) as CallName[]) {
      for (const send of [app.http, app.ipc]) {
        const result = await send(name, 'this is not an object');
        expect(result, name).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      }
    }
    await app.close();
  });

  it('refuses IPC from a frame the app did not create', async () => {
    const { ipcCallHandler } = await import('../../src/main/api/ipc-handler');
    const app = await startTestApp(await tempDir());
    const handler = ipcCallHandler(app.core.dispatch, () => 'file:///app/out/renderer/index.html');
    const top = { url: 'file:///app/out/renderer/index.html', top: null as unknown };
    top.top = top;
    const subframe = { url: 'file:///app/out/renderer/index.html', top };
    const foreign = { url: 'https://evil.example/', top: null as unknown };
    foreign.top = foreign;
    expect(await handler({ senderFrame: top }, 'reports.list', {})).toMatchObject({ ok: true });
    expect(await handler({ senderFrame: subframe }, 'reports.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handler({ senderFrame: foreign }, 'reports.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handler({ senderFrame: null }, 'reports.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await app.close();
  });
});
