import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTempDirs } from '../helpers/temp-dir';
import { startTestApp } from '../helpers/test-app';

const tempDir = useTempDirs();
const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', name)).toString('base64');

describe('store.exportArchive and store.restoreArchive in a running app', () => {
  it('restores another store’s export in place, and the app carries on with the restored store', async () => {
    const source = await startTestApp(await tempDir());
    const imported = await source.http('reports.import', { fileName: 'peel-2016-legitimacy-web-report.txt', dataBase64: fixture('peel-2016-legitimacy-web-report.txt') });
    expect(imported).toMatchObject({ ok: true });
    await source.http('settings.update', { boardName: 'HMICFRS Gold Group' });
    const exported = await source.ipc('store.exportArchive', {});
    expect(exported).toMatchObject({ ok: true, value: { status: 'download', mimeType: 'application/gzip', fileName: expect.stringMatching(/^liaison-desk-\d{4}-\d{2}-\d{2}\.ldarchive$/) } });
    const archive = (exported as { value: { dataBase64: string } }).value.dataBase64;
    await source.close();

    const target = await startTestApp(await tempDir());
    await target.http('reports.import', { fileName: 'hmi-assessment-transcript.txt', dataBase64: fixture('hmi-assessment-transcript.txt') });
    const before = target.core.store;
    const restored = await target.ipc('store.restoreArchive', { fileName: 'x.ldarchive', dataBase64: archive });
    expect(restored).toMatchObject({ ok: true, value: { reports: 1, notes: 0, setAsideAs: expect.stringMatching(/^set-aside[\\/]before-restore-/) } });
    expect(target.core.store).not.toBe(before);
    const list = await target.http('reports.list', {});
    expect((list as { value: { title: string }[] }).value.map((r) => r.title)).toEqual(['Cambridgeshire PEEL 2016']);
    expect(await target.http('settings.get', {})).toMatchObject({ ok: true, value: { boardName: 'HMICFRS Gold Group' } });
    expect(await target.http('settings.update', { boardName: 'Business Coordination Board' })).toMatchObject({ ok: true });
    await target.close();
  });

  it('refuses a damaged archive with a clear message, without closing or changing the store', async () => {
    const app = await startTestApp(await tempDir());
    await app.http('reports.import', { fileName: 'hmi-assessment-transcript.txt', dataBase64: fixture('hmi-assessment-transcript.txt') });
    const store = app.core.store;
    const refused = await app.http('store.restoreArchive', { fileName: 'x.ldarchive', dataBase64: Buffer.from('not an archive').toString('base64') });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'unreadable', message: 'This archive is damaged: it is not valid gzip (it is not a Liaison Desk archive, or it was cut short). Nothing was changed.' },
    });
    expect(app.core.store).toBe(store);
    expect((await app.http('reports.list', {})) as { value: unknown[] }).toMatchObject({ ok: true, value: [expect.objectContaining({ fileName: 'hmi-assessment-transcript.txt' })] });
    await app.close();
  });
});
