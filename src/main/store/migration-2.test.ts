import { describe, expect, it } from 'vitest';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, DEFAULT_TRACKING_SETTINGS } from '../../shared/domain';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { Store } from './repository';
import { MIGRATIONS } from './migrations';
import { migrationTo2 } from './migration-2';

const tempDir = useTempDirs();

const REPORT_ID = 'r-2017';
const SHA = 'a'.repeat(64);

/** A finding as format 1 stored it: no attachments, proposal or resolution; progress without a date of its own. */
function v1Finding(id: string, order: number, tracking: Record<string, unknown>) {
  return {
    id,
    reportId: REPORT_ID,
    order,
    manual: false,
    kind: 'area-for-improvement',
    text: `Finding ${id}.`,
    leadIn: null,
    pillar: 'Legitimacy',
    question: null,
    carriedOver: false,
    anchor: null,
    tracking: { owner: null, status: 'Not started', rag: null, due: null, progress: [], evidence: [], history: [], ...tracking },
  };
}

/** A data folder exactly as version 1 of the app wrote it. */
async function writeV1Store(dir: string): Promise<void> {
  await mkdir(join(dir, 'reports'), { recursive: true });
  await mkdir(join(dir, 'texts'), { recursive: true });
  await mkdir(join(dir, 'sources'), { recursive: true });
  await writeFile(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 1, reportIds: [REPORT_ID], settings: DEFAULT_SETTINGS, papers: [], links: [] }));
  const report = {
    id: REPORT_ID,
    kind: 'inspection-report',
    title: 'PEEL 2017 Legitimacy',
    force: 'Cambridgeshire Constabulary',
    inspectorate: 'HMICFRS',
    programme: 'PEEL',
    inspectionType: 'Legitimacy',
    period: '2017',
    published: '12 December 2017',
    webAddress: null,
    fileName: 'peel-2017.txt',
    format: 'text',
    sha256: SHA,
    size: 10,
    importedAt: '2018-01-02T09:00:00.000Z',
    aboutReportId: null,
    judgments: [],
    quotes: [],
    statedChanges: [],
    corrections: [],
  };
  const findings = [
    v1Finding('f-awaiting', 0, {
      owner: 'Head of PSD',
      status: 'Completed — awaiting evidence',
      progress: [{ id: 'p1', at: '2018-03-01T23:30:00.000Z', by: 'Officer', text: 'Leaflets reprinted.' }],
      history: [{ at: '2018-03-02T10:00:00.000Z', by: 'Officer', field: 'status', from: 'In progress', to: 'Completed — awaiting evidence' }],
    }),
    v1Finding('f-closed', 1, {
      status: 'Closed',
      history: [
        { at: '2018-02-01T10:00:00.000Z', by: 'Officer', field: 'status', from: 'Not started', to: 'In progress' },
        { at: '2018-04-20T10:00:00.000Z', by: 'Officer', field: 'status', from: 'In progress', to: 'Closed' },
      ],
    }),
    v1Finding('f-superseded', 2, { status: 'Superseded' }),
    v1Finding('f-open', 3, { status: 'In progress', rag: 'Amber', evidence: ['Minutes of 3 March'] }),
  ];
  await writeFile(join(dir, 'reports', `${REPORT_ID}.json`), JSON.stringify({ report, findings, annotations: [] }));
}

describe('migration to format 2 (sign-off)', () => {
  it('is the store’s registered migration', () => {
    expect(MIGRATIONS.map((m) => m.to)).toEqual([2]);
  });

  it('opens a version-1 store: awaiting evidence becomes proposed for closure, closed ones get a resolution, updates get their date', async () => {
    const dir = await tempDir();
    await writeV1Store(dir);
    const at = new Date('2020-05-01T08:00:00.000Z');
    const store = await Store.open(dir, { skipDailyBackup: true, migrations: [migrationTo2(() => at)] });
    expect(store.recovered).toEqual([]);
    const byId = new Map(store.reportDoc(REPORT_ID)!.findings.map((f) => [f.id, f.tracking]));

    const awaiting = byId.get('f-awaiting')!;
    expect(awaiting.status).toBe('Proposed for closure');
    expect(awaiting.proposal).toMatchObject({ by: 'Liaison Desk (format upgrade)', at: at.toISOString() });
    expect(awaiting.proposal?.statement).toMatch(/Completed — awaiting evidence/);
    expect(awaiting.history.at(-1)).toMatchObject({ field: 'status', from: 'Completed — awaiting evidence', to: 'Proposed for closure' });
    // Entered at 23:30 UTC on 1 March: the update is about 1 March.
    expect(awaiting.progress[0]).toMatchObject({ id: 'p1', on: '2018-03-01' });
    expect(awaiting.attachments).toEqual([]);

    // Closed on 20 April 2018 by its history, before anyone was named as approver.
    expect(byId.get('f-closed')!.resolution).toEqual({
      status: 'Closed',
      date: '2018-04-20',
      reason: 'Closed before Liaison Desk recorded sign-off.',
      approver: null,
      supersededBy: null,
      by: 'Liaison Desk (format upgrade)',
      at: at.toISOString(),
    });
    // No recorded change: dated the day of the upgrade.
    expect(byId.get('f-superseded')!.resolution).toMatchObject({ status: 'Superseded', date: '2020-05-01' });
    expect(byId.get('f-open')).toMatchObject({ status: 'In progress', rag: 'Amber', evidence: ['Minutes of 3 March'], resolution: null, proposal: null });

    expect(store.index.schemaVersion).toBe(2);
    expect(store.index.tracking).toEqual(DEFAULT_TRACKING_SETTINGS);
    expect(store.index.updateRequests).toEqual([]);
    await store.close();
    const onDisk = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8'));
    expect(onDisk.schemaVersion).toBe(2);
    const reportOnDisk = JSON.parse(await readFile(join(dir, 'reports', `${REPORT_ID}.json`), 'utf8'));
    expect(reportOnDisk.findings[0].tracking.status).toBe('Proposed for closure');
  });

  it('changes nothing more when run again over a document it already upgraded', () => {
    const step = migrationTo2(() => new Date('2020-05-01T08:00:00.000Z'));
    const raw = { findings: [v1Finding('f-awaiting', 0, { status: 'Completed — awaiting evidence', progress: [{ id: 'p', at: '2018-03-01T10:00:00.000Z', by: 'x', text: 'y' }] })] };
    const once = step.report!(raw);
    expect(step.report!(once)).toEqual(once);
  });
});
