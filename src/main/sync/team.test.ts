import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { makeReportDoc } from '../../../tests/helpers/make-report';
import { TeamServer } from '../../../tests/helpers/team-server';
import { TeamClient } from '../../../tests/helpers/team-client';
import { addProgressUpdate, updateTracking } from '../services/findings';
import { attachEvidence, removeEvidence } from '../services/evidence';

let server: TeamServer;
let team: string;
const temp = useTempDirs();

beforeAll(async () => {
  server = await TeamServer.start();
  await server.addUser('alice', 'alice-pw', ['officer', 'approver']);
  await server.addUser('bob', 'bob-pw');
  await server.addUser('carol', 'carol-pw');
}, 60_000);
afterAll(async () => server?.stop());

let n = 0;
async function newTeam() {
  team = await server.createTeam(`team${++n}`);
  return team;
}

describe('two people, one register', () => {
  it('A sets an owner while B, offline, adds a progress update and evidence: after syncing both see both', async () => {
    const remote = await newTeam();
    // The admin connects first, which installs the rules, as the README tells the force to do.
    const setup = await TeamClient.open(await temp(), remote, 'admin', 'team-admin-secret', 'Admin');
    await setup.sync();
    await setup.close();

    const a = await TeamClient.open(await temp(), remote, 'alice', 'alice-pw', 'Alice Adams');
    const { doc, text, source } = makeReportDoc('Areas for improvement\n\nThe force should improve vetting.', 'PEEL 2017');
    await a.store.addReport(doc, text, source);
    const first = await a.sync();
    expect(first.pushed).toBeGreaterThan(0);

    const b = await TeamClient.open(await temp(), remote, 'bob', 'bob-pw', 'Bob Brown');
    const joined = await b.sync();
    expect(b.engine.status.notApplied).toEqual([]);
    expect(joined.pulled).toBeGreaterThan(0);
    const findingId = doc.findings[0]!.id;
    expect(b.finding(findingId)?.text).toBe('The force should improve.');
    expect(await b.store.readText(doc.report.sha256)).toEqual(text);

    await updateTracking(a.store, findingId, { owner: 'Supt Clark' }, '2024-03-01T10:00:00.000Z');
    await addProgressUpdate(b.store, findingId, 'Vetting backlog cleared', '2024-03-02T09:00:00.000Z', '2024-03-02');
    await updateTracking(b.store, findingId, { evidence: ['Vetting report March 2024'] }, '2024-03-02T09:05:00.000Z');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% the vetting audit, March 2024\n%%EOF\n');
    await attachEvidence(b.store, findingId, { fileName: 'vetting-audit.pdf', bytes: pdf }, null, '2024-03-02T09:10:00.000Z');
    const sha = createHash('sha256').update(pdf).digest('hex');

    await a.sync();
    await b.sync();
    await a.sync();

    for (const person of [a, b]) {
      const t = person.finding(findingId)!.tracking;
      expect(t.owner).toBe('Supt Clark');
      expect(t.progress.map((p) => [p.text, p.by, p.on])).toEqual([['Vetting backlog cleared', 'Bob Brown', '2024-03-02']]);
      expect(t.evidence).toEqual(['Vetting report March 2024']);
      expect(t.attachments.map((f) => [f.name, f.sha256, f.size, f.mimeType, f.by])).toEqual([['vetting-audit.pdf', sha, pdf.length, 'application/pdf', 'Bob Brown']]);
      // The file itself, stored by its sha256 under evidence/ as a file attached here would be.
      expect(await person.store.readEvidence(sha)).toEqual(pdf);
      expect(existsSync(join(person.dir, 'evidence', sha))).toBe(true);
      expect(t.history.map((h) => `${h.field}:${String(h.to)}:${h.by}`).sort()).toEqual([
        'attachments:vetting-audit.pdf:Bob Brown',
        'evidence:Vetting report March 2024:Bob Brown',
        'owner:Supt Clark:Alice Adams',
        'progress:2024-03-02:Bob Brown',
      ]);
      expect(t.twoPeople ?? []).toEqual([]);
    }
    expect(JSON.stringify(a.finding(findingId))).toBe(JSON.stringify(b.finding(findingId)));

    // Taken off on one computer, it goes from the other, file and all.
    await removeEvidence(a.store, findingId, a.finding(findingId)!.tracking.attachments[0]!.id, '2024-03-03T09:00:00.000Z');
    await a.sync();
    await b.sync();
    expect(b.finding(findingId)!.tracking.attachments).toEqual([]);
    expect(existsSync(join(b.dir, 'evidence', sha))).toBe(false);
    await a.close();
    await b.close();
  }, 60_000);
});

describe('the same field changed by two people while apart', () => {
  it('keeps one value by the later change, the other in the history, and flags the finding on both computers', async () => {
    const remote = await newTeam();
    const setup = await TeamClient.open(await temp(), remote, 'admin', 'team-admin-secret', 'Admin');
    await setup.sync();
    await setup.close();
    const a = await TeamClient.open(await temp(), remote, 'alice', 'alice-pw', 'Alice Adams');
    const { doc, text, source } = makeReportDoc('Areas for improvement\n\nThe force should improve custody.', 'PEEL 2018');
    await a.store.addReport(doc, text, source);
    await a.sync();
    const b = await TeamClient.open(await temp(), remote, 'bob', 'bob-pw', 'Bob Brown');
    await b.sync();
    const id = doc.findings[0]!.id;

    // Both offline: Alice sets the owner at 10:00, Bob at 11:00; Bob's is the later change.
    (a.engine as unknown as { now: () => Date }).now = () => new Date('2024-04-01T10:00:00.000Z');
    (b.engine as unknown as { now: () => Date }).now = () => new Date('2024-04-01T11:00:00.000Z');
    await updateTracking(a.store, id, { owner: 'Supt Adams', rag: 'Red' }, '2024-04-01T10:00:00.000Z');
    await updateTracking(b.store, id, { owner: 'Supt Baker' }, '2024-04-01T11:00:00.000Z');

    await a.sync();
    const seen = await b.sync();
    await a.sync();
    await b.sync();
    expect(seen.conflicts).toBe(1);

    for (const person of [a, b]) {
      const t = person.finding(id)!.tracking;
      expect(t.owner).toBe('Supt Baker');
      expect(t.rag).toBe('Red'); // only Alice changed the RAG: no conflict there
      expect(t.twoPeople).toEqual([
        {
          field: 'owner',
          kept: 'Supt Baker',
          keptBy: 'Bob Brown',
          keptAt: '2024-04-01T11:00:00.000Z',
          other: 'Supt Adams',
          otherBy: 'Alice Adams',
          otherAt: '2024-04-01T10:00:00.000Z',
        },
      ]);
      const kept = t.history.filter((h) => h.by === 'Team sync');
      expect(kept).toEqual([{ at: '2024-04-01T11:00:00.000Z', by: 'Team sync', field: 'owner', from: 'Supt Adams', to: 'Supt Baker' }]);
      expect(t.history.some((h) => h.field === 'owner' && h.to === 'Supt Adams' && h.by === 'Alice Adams')).toBe(true);
    }
    expect(JSON.stringify(a.finding(id))).toBe(JSON.stringify(b.finding(id)));
    await a.close();
    await b.close();
  }, 60_000);
});
