import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { cli } from '../../../../tests/helpers/cli';
import { FIXTURES } from '../../../../tests/helpers/fixtures';

const tempDir = useTempDirs();

describe('liaison reports', () => {
  it('archives a report out of the list and the register, and makes it active again', async () => {
    const dataDir = await tempDir();
    const id = (await cli(['import', join(FIXTURES, 'peel-2016-legitimacy-web-report.txt'), '--data-dir', dataDir])).out.trim();
    expect((await cli(['reports', 'archive', id, '--data-dir', dataDir])).out).toBe(`${id}  archived  Cambridgeshire PEEL 2016\n`);
    expect((await cli(['list', '--data-dir', dataDir])).out).toBe('No documents yet. Import one with: liaison import <file>\n');
    expect((await cli(['list', '--all', '--data-dir', dataDir])).out).toContain('[archived]');
    expect(JSON.parse((await cli(['findings', 'list', '--json', '--data-dir', dataDir])).out)).toEqual([]);
    await cli(['reports', 'activate', id, '--data-dir', dataDir]);
    expect(JSON.parse((await cli(['findings', 'list', '--json', '--data-dir', dataDir])).out)).toHaveLength(9);
  });

  it('says what a deletion would take before doing it, and deletes only with --yes', async () => {
    const dataDir = await tempDir();
    const id = (await cli(['import', join(FIXTURES, 'peel-2016-legitimacy-web-report.txt'), '--data-dir', dataDir])).out.trim();
    await cli(['notes', 'add', '--text', 'Interview with the PSD lead', '--report', id, '--data-dir', dataDir]);
    const asked = await cli(['reports', 'delete', id, '--data-dir', dataDir]);
    expect(asked.out).toContain('9 findings with their tracking');
    expect(asked.out).toContain('kept, without their link: 1 linked note');
    expect(asked.out).toContain('Nothing was deleted.');
    expect((await cli(['list', '--data-dir', dataDir])).out).toContain(id);
    expect((await cli(['reports', 'delete', id, '--yes', '--data-dir', dataDir])).out).toBe(`${id}  deleted\n`);
    expect((await cli(['list', '--data-dir', dataDir])).out).not.toContain(id);
    expect((await cli(['notes', 'list', '--data-dir', dataDir])).out).toContain('Interview with the PSD lead');
    const unknown = await cli(['reports', 'archive', 'no-such-report', '--data-dir', dataDir]);
    expect(unknown).toMatchObject({ code: 1 });
    expect(unknown.err).toContain('There is no report with id no-such-report');
  });
});

describe('liaison logo', () => {
  it('sets the force logo from an SVG (drawn as a PNG), refuses what is not a picture, and clears it', async () => {
    const dataDir = await tempDir();
    expect(await cli(['logo', 'set', join(FIXTURES, 'force-logo.svg'), '--data-dir', dataDir])).toEqual({
      code: 0,
      out: 'force-logo.svg: 343 × 400 pixels, drawn from the SVG\n',
      err: '',
    });
    const bad = await cli(['logo', 'set', join(FIXTURES, 'hmi-assessment-transcript.txt'), '--data-dir', dataDir]);
    expect(bad).toMatchObject({ code: 1, err: 'liaison logo: hmi-assessment-transcript.txt is not a PNG, JPEG or SVG image; nothing was changed.\n' });
    expect((await cli(['logo', 'clear', '--data-dir', dataDir])).out).toBe('The papers carry the placeholder shield again.\n');
  });
});
