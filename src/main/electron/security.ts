import { app, session, shell } from 'electron';
import { isAllowedExternalUrl } from '../security/trust';
import { APP_ORIGIN } from './app-protocol';

/**
 * App-wide rules for every web contents: no navigation away from the app, no new windows (links to
 * allowed https sites open in the officer's browser), no webviews, and no permission ever granted.
 */
export function setupSecurity(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    // Any frame's navigation, subframes included (will-navigate covers the main frame only).
    contents.on('will-frame-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    // Exports are saved by main through its own dialog; the page never downloads anything.
    session.defaultSession.on('will-download', (event) => event.preventDefault());
    session.defaultSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
  });
}

/**
 * The request filter: the app's own origin (app://liaison/), and data: and blob: URLs (made by the
 * page itself, never fetched from anywhere). Under `electron-vite dev` (never packaged) also the dev
 * server and the developer tools. Everything else, file:// included, is cancelled.
 */
export function isAllowedRequest(url: string): boolean {
  if (url.startsWith(`${APP_ORIGIN}/`) || /^(data|blob):/.test(url)) return true;
  if (app.isPackaged) return false;
  const dev = process.env.ELECTRON_RENDERER_URL;
  return (!!dev && url.startsWith(`${new URL(dev).origin}/`)) || /^(devtools|chrome-extension):/.test(url);
}
