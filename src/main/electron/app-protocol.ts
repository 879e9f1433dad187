import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { decodePath } from '../http/loopback-host';
import { rendererHeaders, resolveRendererFile } from '../http/renderer-files';

/** The renderer's own origin in the desktop app: a privileged custom scheme, not file:// (which would reach the whole disk). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'liaison';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Before `ready`: app:// is a standard, secure scheme (an origin of its own, fetch and a code cache), with nothing else granted. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

/** What an app:// request answers: the built renderer's file with the CSP, or 404 for any other host or a path outside the folder. */
export async function answerAppRequest(url: string, rendererDir: string): Promise<Response> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return new Response('Bad request', { status: 400 });
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return new Response('Not found', { status: 404 });
  const path = decodePath(parsed.pathname);
  if (path === null) return new Response('Bad request', { status: 400 });
  const file = resolveRendererFile(rendererDir, path);
  if (!file) return new Response('Not found', { status: 404 });
  try {
    return new Response(await readFile(file), { status: 200, headers: rendererHeaders(file) });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}

/** After `ready`: serves app://liaison/… from the built renderer. */
export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(request.url, rendererDir));
}
