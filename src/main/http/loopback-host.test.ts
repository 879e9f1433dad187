import { describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { startTestApp } from '../../../tests/helpers/test-app';
import { isLoopbackPeer } from './loopback-host';

const tempDir = useTempDirs();

/** A raw request, so the test controls the Host and Origin headers that fetch would set itself. */
function raw(port: number, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: body === undefined ? 'GET' : 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('loopback host', () => {
  it('listens on 127.0.0.1 only and serves the renderer with the CSP', async () => {
    const app = await startTestApp(await tempDir());
    expect(app.host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await fetch(`${app.host.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    await app.close();
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    const app = await startTestApp(await tempDir());
    const host = `127.0.0.1:${app.host.port}`;
    const none = await raw(app.host.port, '/api/reports.list', { Host: host, 'Content-Type': 'application/json' }, '{}');
    expect(none.status).toBe(401);
    const wrong = await raw(
      app.host.port,
      '/api/reports.list',
      { Host: host, 'Content-Type': 'application/json', Authorization: 'Bearer guess' },
      '{}',
    );
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.text)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await app.close();
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin, even with the token', async () => {
    const app = await startTestApp(await tempDir());
    const auth = { 'Content-Type': 'application/json', Authorization: `Bearer ${app.host.token}` };
    const rebound = await raw(app.host.port, '/api/reports.list', { ...auth, Host: `evil.example:${app.host.port}` }, '{}');
    expect(rebound.status).toBe(421);
    const crossSite = await raw(
      app.host.port,
      '/api/reports.list',
      { ...auth, Host: `127.0.0.1:${app.host.port}`, Origin: 'https://evil.example' },
      '{}',
    );
    expect(crossSite.status).toBe(403);
    const ok = await raw(app.host.port, '/api/reports.list', { ...auth, Host: `127.0.0.1:${app.host.port}`, Origin: app.host.url }, '{}');
    expect(JSON.parse(ok.text)).toEqual({ ok: true, value: [] });
    await app.close();
  });

  it('does not serve files outside the renderer folder', async () => {
    const app = await startTestApp(await tempDir());
    const host = `127.0.0.1:${app.host.port}`;
    for (const path of ['/../index.json', '/%2e%2e/index.json', '/..%2f..%2fetc/passwd']) {
      expect((await raw(app.host.port, path, { Host: host })).status).toBe(404);
    }
    await app.close();
  });

  it('answers a malformed %-escape with 400, not 500 with an internal message', async () => {
    const app = await startTestApp(await tempDir());
    const headers = { Host: `127.0.0.1:${app.host.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${app.host.token}` };
    for (const path of ['/%E0%A4%A', '/assets/%', '/%ZZ.js']) {
      expect(await raw(app.host.port, path, { Host: headers.Host }), path).toEqual({ status: 400, text: 'The address is not valid (a malformed %-escape).' });
    }
    expect(await raw(app.host.port, '/api/reports.%E0%A4%A', headers, '{}')).toEqual({ status: 400, text: 'The address is not valid (a malformed %-escape).' });
    // The host is still up and answering.
    expect(JSON.parse((await raw(app.host.port, '/api/reports.list', headers, '{}')).text)).toEqual({ ok: true, value: [] });
    await app.close();
  });

  it('answers a body that is not JSON with invalid-input', async () => {
    const app = await startTestApp(await tempDir());
    const res = await raw(
      app.host.port,
      '/api/reports.list',
      { Host: `127.0.0.1:${app.host.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${app.host.token}` },
      '{nope',
    );
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await app.close();
  });

  it('refuses any peer address other than its own loopback one, even with the token and the right Host', async () => {
    const app = await startTestApp(await tempDir());
    const headers = { Host: `127.0.0.1:${app.host.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${app.host.token}` };
    // 127.0.0.2 is another address on this machine's loopback interface, so the test can connect from a peer
    // address the host has not allowed without needing a second machine.
    const fromElsewhere = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: app.host.port, localAddress: '127.0.0.2', path: '/api/reports.list', method: 'POST', headers }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.end('{}');
    });
    expect(fromElsewhere).toEqual({ status: 403, text: 'Only this computer may connect.' });
    const fromHere = await raw(app.host.port, '/api/reports.list', headers, '{}');
    expect(JSON.parse(fromHere.text)).toEqual({ ok: true, value: [] });
    await app.close();
  });

  it('accepts only loopback peer addresses', () => {
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) expect(isLoopbackPeer(address), address).toBe(true);
    for (const address of ['192.168.1.20', '10.0.0.5', '::ffff:192.168.1.20', 'fe80::1', '0.0.0.0', '', undefined]) {
      expect(isLoopbackPeer(address), String(address)).toBe(false);
    }
  });
});
