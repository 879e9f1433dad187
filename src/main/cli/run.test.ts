import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../../tests/helpers/cli';
import { FIXTURES } from '../../../tests/helpers/fixtures';
import { useTempDirs } from '../../../tests/helpers/temp-dir';

const tempDir = useTempDirs();

describe('liaison (CLI)', () => {
  it('lists every command in help', async () => {
    const { code, out } = await cli(['help']);
    expect(code).toBe(0);
    for (const command of ['import', 'extract', 'list', 'paper', 'register', 'backup', 'restore', 'notes add', 'findings list', 'search']) {
      expect(out).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
  });

  it('imports a file, prints its id, prints the same id for the same file again, and lists it as JSON', async () => {
    const dataDir = await tempDir();
    const file = join(FIXTURES, 'peel-2016-legitimacy-web-report.txt');
    const first = await cli(['import', file, '--data-dir', dataDir]);
    expect(first).toMatchObject({ code: 0, err: '' });
    const id = first.out.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const again = await cli(['--data-dir', dataDir, 'import', file]);
    expect(again.out.trim()).toBe(id);

    const listed = await cli(['list', '--json', `--data-dir=${dataDir}`]);
    const reports = JSON.parse(listed.out) as { id: string; title: string; kind: string; period: string }[];
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ id, title: 'Cambridgeshire PEEL 2016', kind: 'inspection-report', period: '2016' });
  });

  it('refuses a path that is not a regular file — a symbolic link, a folder, a named pipe — and says why, storing nothing', async () => {
    const { symlink, mkdir, readdir } = await import('node:fs/promises');
    const { execFileSync } = await import('node:child_process');
    const dataDir = await tempDir();
    const work = await tempDir();
    const link = join(work, 'report.txt');
    await symlink(join(FIXTURES, 'peel-2016-legitimacy-web-report.txt'), link);
    const viaLink = await cli(['import', link, '--data-dir', dataDir]);
    expect(viaLink).toEqual({
      code: 1,
      out: '',
      err: `liaison import: Cannot read ${link}: it is a symbolic link, not a regular file; give the path of the file it points to instead.\n`,
    });
    await mkdir(join(work, 'folder'));
    expect((await cli(['import', join(work, 'folder'), '--data-dir', dataDir])).err).toContain('it is a folder, not a regular file');
    execFileSync('mkfifo', [join(work, 'pipe')]);
    expect((await cli(['import', join(work, 'pipe'), '--data-dir', dataDir])).err).toContain('it is a named pipe, not a regular file');
    expect((await cli(['extract', link])).err).toContain('it is a symbolic link, not a regular file');
    expect((await cli(['restore', link, '--data-dir', dataDir])).err).toContain('it is a symbolic link, not a regular file');
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('extract prints exactly one JSON object in the contract\'s shape and stores nothing', async () => {
    const { code, out, err } = await cli(['extract', join(FIXTURES, 'peel-2016-legitimacy-web-report.txt')]);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const result = JSON.parse(out) as Record<string, unknown> & {
      judgments: { pillar: string | null; question: string | null; grade: string | null; lastInspected: string | null }[];
      findings: { kind: string; text: string; pillar: string | null; question: string | null; carriedOver: boolean }[];
      quotes: { speaker: string | null; text: string }[];
    };
    expect(result).toMatchObject({ kind: 'inspection-report', force: 'Cambridgeshire Constabulary', inspectorate: 'HMIC', published: '2016-12-08' });
    expect(result.judgments.find((j) => j.question === null)).toMatchObject({ pillar: 'Legitimacy', grade: 'Good' });
    expect(result.findings.filter((f) => f.kind === 'recommendation')).toHaveLength(4);
    expect(result.findings.filter((f) => f.kind === 'cause-of-concern')).toHaveLength(1);
    for (const f of result.findings) expect(typeof f.carriedOver).toBe('boolean');
  });

  it('takes the data folder from LIAISON_DATA_DIR', async () => {
    const dataDir = await tempDir();
    process.env.LIAISON_DATA_DIR = dataDir;
    try {
      await cli(['import', join(FIXTURES, 'hmi-assessment-transcript.txt')]);
    } finally {
      delete process.env.LIAISON_DATA_DIR;
    }
    const listed = await cli(['list', '--json', '--data-dir', dataDir]);
    expect((JSON.parse(listed.out) as unknown[]).length).toBe(1);
  });

  it('answers errors with one line on stderr and a non-zero exit code', async () => {
    const dataDir = await tempDir();
    const missing = await cli(['import', join(dataDir, 'nope.pdf'), '--data-dir', dataDir]);
    expect(missing.code).not.toBe(0);
    expect(missing.err).toMatch(/^liaison import: Cannot read .*nope\.pdf: no such file\n$/);
    const unknown = await cli(['explode']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.err.trim().split('\n')).toHaveLength(1);
    const badOption = await cli(['list', '--frobnicate', '--data-dir', dataDir]);
    expect(badOption.code).toBe(1);
    expect(badOption.err.trim().split('\n')).toHaveLength(1);
  });
});
