import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../../../tests/helpers/cli';
import { makeReportDoc } from '../../../../tests/helpers/make-report';
import { Line, TeamServer } from '../../../../tests/helpers/team-server';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { Store } from '../../store/repository';
import { updateTracking } from '../../services/findings';
import { stepFinding } from '../../services/lifecycle';

let server: TeamServer;
const temp = useTempDirs();
let n = 0;

beforeAll(async () => {
  server = await TeamServer.start();
  await server.addUser('olive', 'olive-pw', ['officer', 'approver']);
  await server.addUser('bob', 'bob-pw');
}, 60_000);
afterAll(async () => server?.stop());
afterEach(() => {
  delete process.env.LIAISON_SYNC_PASSWORD;
});

/** `liaison sync` in this process, as `user` with `password`. */
async function sync(dir: string, remote: string, user: string, password: string, ...more: string[]) {
  process.env.LIAISON_SYNC_PASSWORD = password;
  return cli(['sync', '--remote', remote, '--user', user, '--data-dir', dir, ...more]);
}

/** A team database prepared by its admin (who installs the rules on first connection), with a report from Olive in it. */
async function teamWithReport(reports = 1, line?: Line) {
  const direct = await server.createTeam(`cli${++n}`);
  const remote = line ? `${line.url}/${new URL(direct).pathname.slice(1)}` : direct;
  expect((await sync(await temp(), remote, 'admin', 'team-admin-secret')).code).toBe(0);
  const olive = await temp();
  const store = await Store.open(olive, { skipDailyBackup: true });
  const docs = [];
  for (let r = 0; r < reports; r++) {
    const made = makeReportDoc(`Areas for improvement\n\nReport ${r}: the force should improve.`, `Report ${r}`);
    await store.addReport(made.doc, made.text, made.source);
    docs.push(made.doc);
  }
  await store.close();
  const first = await sync(olive, remote, 'olive', 'olive-pw');
  expect(first.err).toBe('');
  expect(first.out).toMatch(/^sync: pushed \d+ pulled \d+ conflicts 0\n$/);
  return { remote, olive, docs };
}

const findingOfOpen = (store: Store, id: string) => store.allReportDocs().flatMap((d) => d.findings).find((f) => f.id === id);

async function findingOf(dir: string, id: string) {
  const store = await Store.open(dir, { readOnly: true });
  const found = store.allReportDocs().flatMap((d) => d.findings).find((f) => f.id === id);
  return found;
}

describe('liaison sync', () => {
  it('says "wrong user name or password" and changes nothing', async () => {
    const { remote, olive, docs } = await teamWithReport();
    const before = await findingOf(olive, docs[0]!.findings[0]!.id);
    const result = await sync(olive, remote, 'olive', 'not-her-password');
    expect(result).toMatchObject({ code: 1, out: '', err: 'liaison sync: wrong user name or password\n' });
    expect(await findingOf(olive, docs[0]!.findings[0]!.id)).toEqual(before);
  }, 60_000);

  it('queues changes while the server is down, says how many wait, and sends them when it is back', async () => {
    const line = await Line.to(server.url);
    const { remote: viaLine, olive, docs } = await teamWithReport(1, line);
    const remote = `${server.url}${new URL(viaLine).pathname}`;
    try {
      const id = docs[0]!.findings[0]!.id;
      const store = await Store.open(olive, { skipDailyBackup: true });
      await updateTracking(store, id, { owner: 'Supt Davies' }, '2024-05-01T09:00:00.000Z');
      await store.close();
      line.down();
      // The owner changes the finding and adds a history entry: two documents to send.
      const offline = await sync(olive, viaLine, 'olive', 'olive-pw');

      expect(offline).toMatchObject({ code: 1, out: '', err: 'liaison sync: the server is not reachable; 2 changes wait to be sent\n' });
      const again = await sync(olive, viaLine, 'olive', 'olive-pw');
      expect(again.err).toBe('liaison sync: the server is not reachable; 2 changes wait to be sent\n');
      line.restore();
      const back = await sync(olive, viaLine, 'olive', 'olive-pw');
      expect(back.out).toMatch(/^sync: pushed 2 pulled \d+ conflicts 0\n$/);
      const bob = await temp();
      expect((await sync(bob, remote, 'bob', 'bob-pw')).code).toBe(0);
      expect((await findingOf(bob, id))?.tracking.owner).toBe('Supt Davies');
    } finally {
      await line.close();
    }
  }, 90_000);

  it('refuses an approval by someone who is not an approver, in words, and keeps it as a proposal', async () => {
    const { remote, olive, docs } = await teamWithReport();
    const bob = await temp();
    expect((await sync(bob, remote, 'bob', 'bob-pw')).code).toBe(0);
    const id = docs[0]!.findings[0]!.id;
    // Bob may propose the finding for closure; he signs it off himself, which only an approver may do.
    const store = await Store.open(bob, { skipDailyBackup: true });
    await updateTracking(store, id, { owner: 'Supt Evans', evidence: ['Vetting audit, May 2024'] }, '2024-05-02T09:00:00.000Z');
    await stepFinding(store, id, { step: 'propose', statement: 'The vetting backlog is cleared.' }, '2024-05-02T09:05:00.000Z', '2024-05-02');
    await stepFinding(store, id, { step: 'approve', approver: 'Supt Evans', date: '2024-05-02', reason: 'Audit seen.' }, '2024-05-02T09:10:00.000Z', '2024-05-02');
    expect(findingOfOpen(store, id)?.tracking.status).toBe('Closed');
    await store.close();

    const refused = await sync(bob, remote, 'bob', 'bob-pw');
    expect(refused.code).toBe(0);
    expect(refused.out).toContain('sync: refused: Only an approver can close a finding; your change was kept as a proposal\n');
    // Bob's copy goes back to what the team has: proposed for closure, with his statement; the history says what happened.
    const after = await findingOf(bob, id);
    expect(after?.tracking).toMatchObject({ status: 'Proposed for closure', owner: 'Supt Evans', resolution: null, proposal: { statement: 'The vetting backlog is cleared.' } });
    expect(after?.tracking.history.filter((h) => h.field === 'status').map((h) => [h.by, h.from, h.to])).toEqual([
      ['HMICFRS Liaison Officer', 'Not started', 'Proposed for closure'],
      ['HMICFRS Liaison Officer', 'Proposed for closure', 'Closed'],
      ['Team sync', 'Closed', 'Proposed for closure'],
    ]);

    expect((await sync(olive, remote, 'olive', 'olive-pw')).code).toBe(0);
    expect((await findingOf(olive, id))?.tracking).toMatchObject({ status: 'Proposed for closure', owner: 'Supt Evans', resolution: null });
    const { KeptItems } = await import('../../sync/kept');
    const { openLocal } = await import('../../sync/pouch');
    const { localDbFolder } = await import('../../sync/config');
    const db = openLocal(localDbFolder(olive, remote));
    const items = await new KeptItems(db).list();
    await db.close();
    expect(items.map((i) => [i.type, i.reason, i.changes])).toEqual([
      ['proposal', 'Only an approver can close a finding', [{ field: 'tracking.status', value: 'Closed', was: 'Proposed for closure' }]],
    ]);

    // Olive is an approver: her sign-off goes through, and Bob's copy follows.
    const oliveStore = await Store.open(olive, { skipDailyBackup: true });
    await stepFinding(oliveStore, id, { step: 'approve', approver: 'Olive Officer', date: '2024-05-03', reason: 'Audit checked at the improvement group.' }, '2024-05-03T09:00:00.000Z', '2024-05-03');
    await oliveStore.close();
    const closed = await sync(olive, remote, 'olive', 'olive-pw');
    expect(closed.out).not.toContain('refused');
    expect((await sync(bob, remote, 'bob', 'bob-pw')).code).toBe(0);
    expect((await findingOf(bob, id))?.tracking).toMatchObject({ status: 'Closed', resolution: { status: 'Closed', approver: 'Olive Officer', date: '2024-05-03' } });
  }, 90_000);

  it('a sync killed with SIGKILL part-way completes next time, with nothing lost and nothing twice', async () => {
    const { remote, olive, docs } = await teamWithReport(3);
    const bob = await temp();
    // Bob adds twelve reports and updates, then his sync is killed part-way through sending them.
    const store = await Store.open(bob, { skipDailyBackup: true });
    const mine = [];
    for (let r = 0; r < 12; r++) {
      const made = makeReportDoc(`Areas for improvement\n\nBob's report ${r}: the force should act.`, `Bob ${r}`);
      await store.addReport(made.doc, made.text, made.source);
      await updateTracking(store, made.doc.findings[0]!.id, { owner: `Owner ${r}` }, '2024-06-01T09:00:00.000Z');
      mine.push(made.doc);
    }
    await store.close();
    const child = spawn(process.execPath, ['--import', 'tsx', resolve('src/main/cli/index.ts'), 'sync', '--remote', remote, '--user', 'bob', '--data-dir', bob], {
      env: { ...process.env, LIAISON_SYNC_PASSWORD: 'bob-pw' },
      stdio: 'ignore',
    });
    // Listened for from the start: a sync that finishes before the kill has already exited by then.
    const exited = new Promise((r) => child.once('exit', r));
    await new Promise((r) => setTimeout(r, 1_500 + Math.random() * 2_500));
    child.kill('SIGKILL');
    await exited;

    const next = await sync(bob, remote, 'bob', 'bob-pw');
    expect(next.code).toBe(0);
    expect((await sync(olive, remote, 'olive', 'olive-pw')).code).toBe(0);
    for (const dir of [olive, bob]) {
      const s = await Store.open(dir, { readOnly: true });
      const titles = s.allReportDocs().map((d) => d.report.title).sort();
      expect(titles).toEqual([...docs.map((d) => d.report.title), ...mine.map((d) => d.report.title)].sort());
      for (const doc of mine) {
        const f = s.reportDoc(doc.report.id)!.findings;
        expect(f).toHaveLength(1);
        expect(f[0]!.tracking.owner).toBe(`Owner ${mine.indexOf(doc)}`);
        expect(f[0]!.tracking.history).toHaveLength(1);
      }
    }
  }, 120_000);
});
