import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { cli } from '../../../../tests/helpers/cli';
import { FIXTURES } from '../../../../tests/helpers/fixtures';

const tempDir = useTempDirs();
const TEXT = join(FIXTURES, 'peel-2018-19-integrated-report.txt');
const PDF = join(FIXTURES, 'peel-2018-19-integrated-report.pdf');

describe('liaison import of a report already held in another format', () => {
  it('prints the existing id and says it is the same report, importing nothing, unless --as-new', async () => {
    const dataDir = await tempDir();
    const first = await cli(['import', TEXT, '--data-dir', dataDir]);
    expect(first).toMatchObject({ code: 0, err: '' });
    const id = first.out.trim();

    const again = await cli(['import', PDF, '--data-dir', dataDir]);
    expect(again.code).toBe(0);
    expect(again.out).toBe(`${id}\n`);
    expect(again.err).toMatch(/^liaison import: .*peel-2018-19-integrated-report\.pdf is the same report as “PEEL: Police effectiveness, efficiency and legitimacy 2018\/19” \(/);
    expect(again.err).toContain('nothing was imported');
    expect((await cli(['list', '--data-dir', dataDir])).out.trim().split('\n')).toHaveLength(1);

    const separate = await cli(['import', PDF, '--as-new', '--data-dir', dataDir]);
    expect(separate.err).toBe('');
    expect(separate.out.trim()).not.toBe(id);
    const listed = (await cli(['list', '--data-dir', dataDir])).out;
    // Two reports with one title: the list tells them apart by format.
    expect(listed).toContain('2018/19 — Cambridgeshire Constabulary · 2018/19 · inspection report · text');
    expect(listed).toContain('2018/19 — Cambridgeshire Constabulary · 2018/19 · inspection report · PDF');
  });

  it('keeps the PDF as another version of the report, or makes it the report’s file', async () => {
    const dataDir = await tempDir();
    const id = (await cli(['import', TEXT, '--data-dir', dataDir])).out.trim();
    const version = await cli(['import', PDF, '--add-version', '--data-dir', dataDir]);
    expect(version.out).toBe(`${id}\n`);
    expect(version.err).toContain('is kept as another version of it');
    const both = await cli(['import', PDF, '--replace', '--as-new', '--data-dir', dataDir]);
    expect(both).toMatchObject({ code: 1, err: 'liaison import: choose one of --as-new, --add-version and --replace, not as-new and replace\n' });
    const listed = JSON.parse((await cli(['list', '--json', '--data-dir', dataDir])).out);
    expect(listed).toMatchObject([{ id, format: 'text', versionCount: 1 }]);
  });
});
