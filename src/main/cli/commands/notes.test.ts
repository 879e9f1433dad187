import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { cli } from '../../../../tests/helpers/cli';
import { FIXTURES } from '../../../../tests/helpers/fixtures';

const tempDir = useTempDirs();

describe('liaison notes and search', () => {
  it('adds notes, lists them newest first, and finds them', async () => {
    const dataDir = await tempDir();
    const imported = await cli(['import', join(FIXTURES, 'peel-2016-legitimacy-web-report.txt'), '--data-dir', dataDir]);
    expect(imported.code).toBe(0);
    const reportId = imported.out.trim();

    const first = await cli(['notes', 'add', '--text', 'Interview with the head of PSD about vetting appeals', '--report', reportId, '--tag', 'interview', '--tag', 'PSD', '--data-dir', dataDir]);
    expect(first.err).toBe('');
    expect(first.out).toMatch(/^[0-9a-f-]{36}\n$/);
    const second = await cli(['notes', 'add', '--text', 'Hot debrief: custody reality testing went well', '--data-dir', dataDir]);
    expect(second.code).toBe(0);

    const listed = await cli(['notes', 'list', '--json', '--data-dir', dataDir]);
    const notes = JSON.parse(listed.out) as Array<{ id: string; text: string; tags: string[]; reportId: string | null }>;
    expect(notes.map((n) => n.id)).toEqual([second.out.trim(), first.out.trim()]);
    expect(notes[1]).toMatchObject({ tags: ['interview', 'PSD'], reportId });

    const forReport = JSON.parse((await cli(['notes', 'list', '--json', '--report', reportId, '--data-dir', dataDir])).out) as unknown[];
    expect(forReport).toHaveLength(1);

    const readable = await cli(['notes', 'list', '--data-dir', dataDir]);
    expect(readable.out).toMatch(/\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} {2}\[interview, PSD\]\n {2}Interview with the head of PSD about vetting appeals\n/);

    const found = JSON.parse((await cli(['search', 'appeals', '--json', '--data-dir', dataDir])).out) as Array<{ kind: string; id: string }>;
    expect(found).toEqual([expect.objectContaining({ kind: 'note', id: first.out.trim() })]);
    const shown = await cli(['search', 'custody reality', '--data-dir', dataDir]);
    expect(shown.out).toContain('note        Hot debrief: custody reality testing went well');
    expect((await cli(['search', 'xylophone', '--data-dir', dataDir])).out).toBe('Nothing found for “xylophone”.\n');
  });

  it('refuses a note without text and a link to a report that does not exist', async () => {
    const dataDir = await tempDir();
    expect(await cli(['notes', 'add', '--data-dir', dataDir])).toMatchObject({ code: 1, err: 'liaison notes: notes add needs --text "…" with the note.\n' });
    const bad = await cli(['notes', 'add', '--text', 'x', '--report', 'nope', '--data-dir', dataDir]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('There is no report with id nope');
  });
});
