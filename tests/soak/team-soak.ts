import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { addProgressUpdate, updateTracking } from '../../src/main/services/findings';
import { stepFinding } from '../../src/main/services/lifecycle';
import { statusFromSteps } from '../../src/main/tracking/status-steps';
import { RAGS, type Finding, type FindingStatus } from '../../src/shared/domain/finding';
import type { LifecycleStep } from '../../src/shared/domain/lifecycle-step';
import { makeReportDoc } from '../helpers/make-report';
import { TeamClient } from '../helpers/team-client';
import { Line, TeamServer } from '../helpers/team-server';

export interface TeamSoakResult {
  clients: number;
  edits: number;
  lost: number;
  duplicates: number;
  diverged: number;
  problems: string[];
}

type Step = LifecycleStep | 'working';

/** A lifecycle step a finding in status `now` may take (approve and send back from a proposal, reopen from an end, …). */
function stepFor(now: FindingStatus, pick: <T>(list: readonly T[]) => T, label: string): Step {
  if (now === 'Proposed for closure') {
    return pick<Step>([
      { step: 'approve', approver: 'Supt Soak', date: '2024-01-01', reason: `Signed off ${label}` },
      { step: 'sendBack', reason: `More evidence ${label}` },
    ]);
  }
  if (now === 'Closed' || now === 'Superseded' || now === 'No further action') return { step: 'reopen', reason: `Reopened ${label}` };
  return pick<Step>(['working', { step: 'propose', statement: `Done ${label}` }, { step: 'noFurtherAction', reason: `Accepted ${label}`, date: '2024-01-01' }]);
}

export const teamSoakFigure = (r: TeamSoakResult) => `sync: clients ${r.clients} edits ${r.edits} lost ${r.lost} duplicates ${r.duplicates} diverged ${r.diverged}`;

function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

/**
 * Three computers on one team database, each behind its own line to the server that drops at random:
 * random tracking edits and progress updates for a bounded number of rounds (or time), random syncs,
 * then every line up and syncs until quiet. Then it checks that every progress update is on every
 * computer exactly once, that every value set is either the value kept or in the history, and that the
 * three registers are the same.
 */
export async function runTeamSoak(options: { rounds: number; seconds: number; seed?: number; onRound?: (n: number) => void }): Promise<TeamSoakResult> {
  const rand = random(options.seed ?? 7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const server = await TeamServer.start();
  const dirs: string[] = [];
  const lines: Line[] = [];
  const clients: TeamClient[] = [];
  try {
    const names = ['ann', 'ben', 'cal'];
    for (const name of names) await server.addUser(name, `${name}-pw`, ['officer', 'approver']);
    const direct = await server.createTeam('soak');
    await server.installRules('soak');
    for (const name of names) {
      const line = await Line.to(server.url);
      lines.push(line);
      const dir = await mkdtemp(join(tmpdir(), 'liaison-team-soak-'));
      dirs.push(dir);
      clients.push(await TeamClient.open(dir, `${line.url}${new URL(direct).pathname}`, name, `${name}-pw`, name.toUpperCase()));
    }
    for (let r = 0; r < 3; r++) {
      const made = makeReportDoc(`Areas for improvement\n\nSoak report ${r}: the force should improve.`, `Soak ${r}`);
      await clients[0]!.store.addReport(made.doc, made.text, made.source);
    }
    for (const client of clients) await client.sync();
    const findingIds = clients[0]!.store.allReportDocs().flatMap((d) => d.findings.map((f) => f.id));

    const progress: { finding: string; text: string }[] = [];
    let steps = 0;
    const values: { finding: string; field: 'owner' | 'status' | 'rag'; value: string }[] = [];
    const until = Date.now() + options.seconds * 1000;
    for (let round = 0; round < options.rounds && Date.now() < until; round++) {
      for (let c = 0; c < clients.length; c++) {
        const client = clients[c]!;
        const finding = pick(findingIds);
        const at = new Date(Date.now() + Math.floor(rand() * 1000)).toISOString();
        const what = rand();
        if (what < 0.4) {
          const text = `update ${round}-${c}`;
          await addProgressUpdate(client.store, finding, text, at);
          progress.push({ finding, text });
        } else if (what < 0.7) {
          const value = `Owner ${round}-${c}`;
          await updateTracking(client.store, finding, { owner: value }, at);
          values.push({ finding, field: 'owner', value });
        } else if (what < 0.85) {
          // A status change is a lifecycle step from wherever the finding stands here (any of them may be refused as it stands).
          const now = client.finding(finding)!.tracking.status;
          const step = stepFor(now, pick, `${round}-${c}`);
          try {
            if (step === 'working') await updateTracking(client.store, finding, { status: now === 'Not started' ? 'In progress' : 'Not started' }, at);
            else {
              if (step.step === 'propose') await updateTracking(client.store, finding, { evidence: [`Evidence ${round}-${c}`] }, at);
              await stepFinding(client.store, finding, step, at, at.slice(0, 10));
            }
            steps++;
          } catch {
            // Not a step this finding can take now: nothing was changed.
          }
        } else {
          const value = pick(RAGS);
          await updateTracking(client.store, finding, { rag: value }, at);
          values.push({ finding, field: 'rag', value });
        }
        if (rand() < 0.25) lines[c]!.down();
        else if (rand() < 0.5) lines[c]!.restore();
        if (rand() < 0.5) await client.sync().catch(() => undefined);
      }
      options.onRound?.(round);
    }
    for (const line of lines) line.restore();
    for (let pass = 0; pass < 3; pass++) for (const client of clients) await client.sync();

    const problems: string[] = [];
    let lost = 0;
    let duplicates = 0;
    for (const client of clients) {
      for (const { finding, text } of progress) {
        const found = client.finding(finding)?.tracking.progress.filter((p) => p.text === text).length ?? 0;
        if (found === 0) {
          lost++;
          problems.push(`${client.dir}: progress “${text}” missing`);
        }
        if (found > 1) duplicates += found - 1;
      }
      for (const { finding, field, value } of values) {
        const f = client.finding(finding);
        const kept = f?.tracking[field] === value || f?.tracking.history.some((h) => h.field === field && h.to === value);
        if (!kept) {
          lost++;
          problems.push(`${client.dir}: ${field} “${value}” neither kept nor in the history`);
        }
      }
      for (const id of findingIds) {
        const f = client.finding(id);
        const ids = f?.tracking.progress.map((p) => p.id) ?? [];
        duplicates += ids.length - new Set(ids).size;
      }
    }
    const view = (f: Finding | undefined) => JSON.stringify(f);
    let diverged = 0;
    for (const id of findingIds) {
      const first = view(clients[0]!.finding(id));
      if (clients.some((c) => view(c.finding(id)) !== first)) {
        diverged++;
        problems.push(`finding ${id} differs between computers`);
      }
    }
    // Every status step taken is on every computer once, and each computer's status is the one its steps give.
    const allSteps = new Set(clients.flatMap((c) => findingIds.flatMap((id) => (c.finding(id)?.tracking.steps ?? []).map((s) => s.id))));
    for (const client of clients) {
      for (const id of findingIds) {
        const t = client.finding(id)?.tracking;
        const ids = (t?.steps ?? []).map((s) => s.id);
        duplicates += ids.length - new Set(ids).size;
        const outcome = statusFromSteps(t?.steps ?? []);
        if (outcome && (outcome.status !== t?.status || !isDeepStrictEqual(outcome.resolution, t?.resolution))) {
          diverged++;
          problems.push(`${client.dir}: finding ${id} is ${t?.status}, its steps say ${outcome.status}`);
        }
      }
      const held = new Set(findingIds.flatMap((id) => (client.finding(id)?.tracking.steps ?? []).map((s) => s.id)));
      for (const id of allSteps) {
        if (!held.has(id)) {
          lost++;
          problems.push(`${client.dir}: status step ${id} missing`);
        }
      }
    }
    if (steps && allSteps.size < steps) {
      lost += steps - allSteps.size;
      problems.push(`${steps} status steps taken, ${allSteps.size} found`);
    }
    return { clients: clients.length, edits: progress.length + values.length + steps, lost, duplicates, diverged, problems };
  } finally {
    for (const client of clients) await client.close().catch(() => undefined);
    for (const line of lines) await line.close();
    await server.stop();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }
}
