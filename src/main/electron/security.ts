import { app, session, shell } from 'electron';
import { isAllowedExternalUrl } from '../security/trust';

/**
 * App-wide rules for every web contents: no navigation away from the app, no new windows (links to
 * allowed https sites open in the officer's browser), no webviews, and no permission ever granted.
 */
export function setupSecurity(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
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
    session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
      const allowed = /^(file|devtools|chrome-extension|data|blob):/.test(details.url) || isDevServer(details.url);
      callback({ cancel: !allowed });
    });
  });
}

function isDevServer(url: string): boolean {
  const dev = process.env.ELECTRON_RENDERER_URL;
  return !!dev && url.startsWith(new URL(dev).origin);
}
