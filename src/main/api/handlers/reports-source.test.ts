import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { openAppCore } from '../../app';
import { downloadInstead } from '../../http/download';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { callFails, callOk } from '../../../../tests/helpers/dispatch';

const tempDir = useTempDirs();
const PDF = join(import.meta.dirname, '..', '..', '..', '..', 'tests', 'fixtures', 'peel-2016-legitimacy-report.pdf');

describe('reports.source', () => {
  it('gives back the imported file byte for byte, for the PDF page view', async () => {
    const dir = await tempDir();
    const core = await openAppCore(dir, { transport: 'http', saveFile: downloadInstead }, { skipDailyBackup: true });
    const bytes = await readFile(PDF);
    const { id } = await callOk<{ id: string }>(core.dispatch, 'reports.import', { fileName: 'peel-2016-legitimacy-report.pdf', dataBase64: bytes.toString('base64') });
    const source = await callOk<{ fileName: string; format: string; dataBase64: string }>(core.dispatch, 'reports.source', { id });
    expect(source.fileName).toBe('peel-2016-legitimacy-report.pdf');
    expect(source.format).toBe('pdf');
    expect(createHash('sha256').update(Buffer.from(source.dataBase64, 'base64')).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));

    expect((await callFails(core.dispatch, 'reports.source', { id: 'no-such-report' })).code).toBe('not-found');
    const sha = createHash('sha256').update(bytes).digest('hex');
    await rm(join(dir, 'sources', sha));
    const missing = await callFails(core.dispatch, 'reports.source', { id });
    expect(missing).toMatchObject({ code: 'not-found' });
    expect(missing.message).toContain('peel-2016-legitimacy-report.pdf');
    await core.close();
  });
});
