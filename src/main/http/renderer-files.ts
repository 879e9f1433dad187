import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './csp';

/** The kinds of file the built renderer holds. */
export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The headers every renderer file is served with, by the browser host and by the desktop app's app:// protocol alike. */
export function rendererHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

/**
 * The file under `rendererDir` that a decoded URL path names (`/` is index.html), or null for anything
 * that would leave the folder.
 */
export function resolveRendererFile(rendererDir: string, pathname: string): string | null {
  if (pathname.includes('\0')) return null;
  const relative = normalize(pathname === '/' || pathname === '' ? '/index.html' : pathname).replace(/^[/\\]+/, '');
  const file = join(rendererDir, relative);
  return file.startsWith(rendererDir + sep) ? file : null;
}
