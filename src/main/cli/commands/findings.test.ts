import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { Finding } from '../../../shared/domain/finding';
import { cli } from '../../../../tests/helpers/cli';
import { FIXTURES } from '../../../../tests/helpers/fixtures';

const tempDir = useTempDirs();

type Listed = Finding & { reportTitle: string; overdue: boolean };

async function listed(dataDir: string, ...extra: string[]): Promise<Listed[]> {
  const result = await cli(['findings', 'list', '--json', ...extra, '--data-dir', dataDir]);
  expect(result.err).toBe('');
  return JSON.parse(result.out) as Listed[];
}

describe('liaison findings', () => {
  it('lists the register as JSON, updates a finding, and lists it again by its new status', async () => {
    const dataDir = await tempDir();
    const imported = await cli(['import', join(FIXTURES, 'peel-2016-legitimacy-web-report.txt'), '--data-dir', dataDir]);
    expect(imported.code).toBe(0);
    const all = await listed(dataDir);
    // Four areas for improvement, one cause of concern and four recommendations.
    expect(all).toHaveLength(9);
    expect(all.filter((f) => f.kind === 'recommendation')).toHaveLength(4);
    expect(all.every((f) => f.tracking.status === 'Not started')).toBe(true);
    const vetting = all.find((f) => f.text === 'ensure it complies with all aspects of the current national guidelines for vetting');

    const id = vetting?.id ?? '';
    const updated = await cli(['findings', 'update', id, '--owner', 'Head of PSD', '--status', 'In progress', '--due', '2018-12-31', '--data-dir', dataDir]);
    // Its target date has passed, so the written rules make it Red.
    expect(updated).toEqual({ code: 0, out: `${id}  owner: Head of PSD  status: In progress  due: 31 December 2018  RAG: Red\n`, err: '' });

    const inProgress = await listed(dataDir, '--status', 'In progress');
    expect(inProgress.map((f) => f.id)).toEqual([id]);
    expect(inProgress[0]?.tracking.history.map((h) => h.field)).toEqual(['owner', 'status', 'due']);
    expect(inProgress[0]?.overdue).toBe(true);

    const table = await cli(['findings', 'list', '--status', 'In progress', '--data-dir', dataDir]);
    expect(table.out).toContain('Head of PSD');
    expect(table.out).toContain('31 December 2018  overdue');
  });

  it('refuses a status or date it cannot read, and an unknown finding, with one line on stderr', async () => {
    const dataDir = await tempDir();
    await cli(['import', join(FIXTURES, 'peel-2016-legitimacy-web-report.txt'), '--data-dir', dataDir]);
    const [first] = await listed(dataDir);
    const badStatus = await cli(['findings', 'update', first?.id ?? '', '--status', 'Done', '--data-dir', dataDir]);
    expect(badStatus.code).toBe(1);
    expect(badStatus.err).toMatch(/^liaison findings: The status .*“Done” is not valid\.\n$/);
    const badDate = await cli(['findings', 'update', first?.id ?? '', '--due', '31/12/2018', '--data-dir', dataDir]);
    expect(badDate.err).toContain('The target date (YYYY-MM-DD) “31/12/2018” is not valid.');
    const unknown = await cli(['findings', 'update', 'no-such-finding', '--owner', 'Head of HR', '--data-dir', dataDir]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('There is no finding with id no-such-finding');
    expect((await listed(dataDir)).every((f) => f.tracking.history.length === 0)).toBe(true);
  });
});
