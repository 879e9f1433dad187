import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { cli } from '../../../../tests/helpers/cli';
import { FIXTURES } from '../../../../tests/helpers/fixtures';

const tempDir = useTempDirs();

describe('liaison search', () => {
  it('finds a word that is only in a report’s text, and says where in the text it is', async () => {
    const dataDir = await tempDir();
    const imported = await cli(['import', join(FIXTURES, 'peel-2018-19-integrated-report.txt'), '--data-dir', dataDir]);
    const id = imported.out.trim();
    const [report] = JSON.parse((await cli(['list', '--json', '--data-dir', dataDir])).out) as { title: string }[];

    const shown = await cli(['search', 'Flagstone', '--data-dir', dataDir]);
    expect(shown.err).toBe('');
    const lines = shown.out.split('\n');
    expect(lines[0]).toBe(`in text     ${report!.title}`);
    expect(lines[1]).toContain('the force to create Flagstone records to update barred and advisory lists');
    expect(lines[2]).toMatch(new RegExp(`^ {12}report ${id}, characters \\d+–\\d+$`));
    expect(lines.slice(3)).toEqual(['']);

    const [hit] = JSON.parse((await cli(['search', 'Flagstone', '--json', '--data-dir', dataDir])).out) as {
      kind: string;
      reportId: string;
      anchor: { start: number; end: number };
    }[];
    expect(hit).toMatchObject({ kind: 'text', reportId: id });
    expect(hit!.anchor.end - hit!.anchor.start).toBeGreaterThan('Flagstone'.length);
  });
});
