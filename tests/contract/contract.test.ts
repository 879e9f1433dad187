import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contract, type CallName } from '../../src/shared/api/contract';
import { useTempDirs } from '../helpers/temp-dir';
import { startTestApp } from '../helpers/test-app';
import { CALL_SAMPLES, type Fixtures } from './samples';

const tempDir = useTempDirs();

async function importFixture(app: Awaited<ReturnType<typeof startTestApp>>, name: string): Promise<string> {
  const dataBase64 = readFileSync(join(import.meta.dirname, '..', 'fixtures', name)).toString('base64');
  const result = await app.http('reports.import', { fileName: name, dataBase64 });
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { id: string }).id;
}

describe('the API contract over both transports', () => {
  it('has a sample input for exactly the calls in the contract', () => {
    expect(Object.keys(CALL_SAMPLES).sort()).toEqual(Object.keys(contract).sort());
  });

  it('gives the same, schema-valid answer to every call over HTTP and over IPC', async () => {
    const app = await startTestApp(await tempDir());
    const fixtures: Fixtures = {
      reportId: await importFixture(app, 'peel-2016-legitimacy-web-report.txt'),
      spareReportId: await importFixture(app, 'hmic-2016-legitimacy-press-release.txt'),
    };
    for (const name of Object.keys(CALL_SAMPLES) as CallName[]) {
      const input = CALL_SAMPLES[name](fixtures as never);
      const overHttp = await app.http(name, input);
      const overIpc = await app.ipc(name, input);
      expect(overHttp, `${name} over HTTP`).toMatchObject({ ok: true });
      expect(overIpc, `${name} over IPC`).toMatchObject({ ok: true });
      if (!overHttp.ok || !overIpc.ok) continue;
      expect(() => contract[name].output.parse(overHttp.value), `${name} output`).not.toThrow();
      if (!contract[name].writes) {
        const normalise = (v: unknown) => JSON.parse(JSON.stringify(v, (k, x) => (k === 'transport' ? undefined : x)));
        expect(normalise(overIpc.value), `${name}: same answer`).toEqual(normalise(overHttp.value));
      }
    }
    await app.close();
  });

  it('refuses an invalid payload for every call that takes input, over both transports', async () => {
    const app = await startTestApp(await tempDir());
    for (const name of Object.keys(contract) as CallName[]) {
      for (const send of [app.http, app.ipc]) {
        const result = await send(name, 'this is not an object');
        expect(result, name).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      }
    }
    await app.close();
  });

  it('refuses IPC from a frame the app did not create', async () => {
    const { ipcCallHandler } = await import('../../src/main/api/ipc-handler');
    const app = await startTestApp(await tempDir());
    const handler = ipcCallHandler(app.core.dispatch, () => 'file:///app/out/renderer/index.html');
    const top = { url: 'file:///app/out/renderer/index.html', top: null as unknown };
    top.top = top;
    const subframe = { url: 'file:///app/out/renderer/index.html', top };
    const foreign = { url: 'https://evil.example/', top: null as unknown };
    foreign.top = foreign;
    expect(await handler({ senderFrame: top }, 'reports.list', {})).toMatchObject({ ok: true });
    expect(await handler({ senderFrame: subframe }, 'reports.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handler({ senderFrame: foreign }, 'reports.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handler({ senderFrame: null }, 'reports.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await app.close();
  });
});
