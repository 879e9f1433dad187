import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openAppCore, type AppCore } from '../../src/main/app';
import { startLoopbackHost, type LoopbackHost } from '../../src/main/http/loopback-host';
import { downloadInstead } from '../../src/main/http/download';
import { ipcCallHandler } from '../../src/main/api/ipc-handler';
import type { Result } from '../../src/shared/api/result';

export const APP_URL = 'file:///app/out/renderer/index.html';

export interface TestApp {
  core: AppCore;
  host: LoopbackHost;
  /** A call as the browser host receives it. */
  http(name: string, input: unknown): Promise<Result<unknown>>;
  /** A call as the desktop app receives it: through the IPC handler, with values structured-cloned as IPC does. */
  ipc(name: string, input: unknown): Promise<Result<unknown>>;
  close(): Promise<void>;
}

export async function startTestApp(dataDir: string): Promise<TestApp> {
  const rendererDir = join(dataDir, '..', `${join(dataDir).split('/').pop()}-renderer`);
  await mkdir(rendererDir, { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>test</title>');
  const core = await openAppCore(dataDir, { transport: 'http', saveFile: downloadInstead }, { skipDailyBackup: true });
  const host = await startLoopbackHost({ dispatch: core.dispatch, rendererDir });
  const handler = ipcCallHandler(core.dispatch, () => APP_URL);
  const frame = { url: APP_URL, top: null as unknown };
  frame.top = frame;
  return {
    core,
    host,
    async http(name, input) {
      const response = await fetch(`${host.url}/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
        body: JSON.stringify({ input }),
      });
      return (await response.json()) as Result<unknown>;
    },
    async ipc(name, input) {
      return structuredClone(await handler({ senderFrame: frame }, name, structuredClone(input)));
    },
    async close() {
      await host.close();
      await core.close();
    },
  };
}
