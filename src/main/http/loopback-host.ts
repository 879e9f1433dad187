import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../api/dispatcher';
import { fail } from '../../shared/api/result';
import { CONTENT_SECURITY_POLICY } from './csp';

/** Imports arrive as base64 in JSON: 64 MB of file is about 86 MB of body. */
const MAX_BODY_BYTES = 90 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker, loaded by the PDF page view.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface LoopbackHost {
  url: string;
  /** The address with the per-run token in its fragment, which the page keeps and sends with every call. */
  openUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export interface LoopbackHostOptions {
  dispatch: Dispatch;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
}

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::ffff:127.0.0.1', '::1']);

/** The peer check: only this computer's own loopback addresses may talk to the host. */
export const isLoopbackPeer = (remoteAddress: string | undefined): boolean => LOOPBACK_ADDRESSES.has(remoteAddress ?? '');

/**
 * Serves the built renderer and the API to a browser on this machine only: it listens on 127.0.0.1,
 * refuses any peer that is not loopback, any Host header but its own (DNS rebinding), any foreign
 * Origin, and any API call without the per-run token.
 */
export async function startLoopbackHost({ dispatch, rendererDir, port = 0 }: LoopbackHostOptions): Promise<LoopbackHost> {
  const token = randomBytes(24).toString('base64url');
  let origin = '';
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, fail('internal', (error as Error).message));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isLoopbackPeer(req.socket.remoteAddress)) return refuse(res, 403, 'Only this computer may connect.');
    const host = req.headers.host ?? '';
    const port = (server.address() as AddressInfo).port;
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return refuse(res, 421, 'Wrong Host header.');
    if (req.headers.origin !== undefined && req.headers.origin !== origin && req.headers.origin !== `http://localhost:${port}`) {
      return refuse(res, 403, 'Cross-origin requests are refused.');
    }
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, decodeURIComponent(url.pathname.slice(5)));
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed.');
    return serveFile(res, url.pathname);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return refuse(res, 405, 'API calls are POST requests.');
    if (!hasToken(req.headers.authorization, token)) {
      return sendJson(res, 401, fail('forbidden', 'Missing or wrong access token: open the address printed by `npm run serve`.'));
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, fail('invalid-input', 'API calls must be sent as application/json.'));
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch (error) {
      const tooLarge = (error as Error).message === 'too-large';
      return sendJson(
        res,
        tooLarge ? 413 : 400,
        tooLarge ? fail('too-large', 'The request is larger than the 90 MB limit.') : fail('invalid-input', 'The request body is not JSON.'),
      );
    }
    const input = body !== null && typeof body === 'object' ? (body as { input?: unknown }).input : undefined;
    sendJson(res, 200, await dispatch(name, input));
  }

  async function serveFile(res: ServerResponse, pathname: string): Promise<void> {
    const relative = normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname)).replace(/^[/\\]+/, '');
    const file = join(rendererDir, relative);
    if (!file.startsWith(rendererDir + sep)) return refuse(res, 404, 'Not found.');
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      return refuse(res, 404, 'Not found.');
    }
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    res.end(content);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actualPort = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${actualPort}`;
  return {
    url: origin,
    openUrl: `${origin}/#token=${token}`,
    token,
    port: actualPort,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function hasToken(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer /, '') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.destroy();
        reject(new Error('too-large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(value));
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(message);
}
