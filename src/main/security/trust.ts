/**
 * Web addresses the app may open in the officer's browser: https only, and only the inspectorate's
 * and government sites a report links to.
 */
export const EXTERNAL_HOSTS = ['justiceinspectorates.gov.uk', 'www.justiceinspectorates.gov.uk', 'www.gov.uk', 'gov.uk'];

export function isAllowedExternalUrl(address: string): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && EXTERNAL_HOSTS.includes(url.hostname);
}

/**
 * An IPC message is trusted only from the top frame of the app's own window showing the app's own
 * page (app://liaison/ in the build, the dev server in development) — never a subframe or another
 * origin. (A custom scheme's URL has an opaque origin in WHATWG terms, so scheme and host are compared.)
 */
export function isTrustedSender(frame: { url: string; isMainFrame: boolean } | null, appUrl: string): boolean {
  if (!frame || !frame.isMainFrame) return false;
  try {
    const got = new URL(frame.url);
    const want = new URL(appUrl);
    if (want.protocol === 'file:') return got.protocol === 'file:' && got.pathname === want.pathname;
    if (want.protocol !== 'http:' && want.protocol !== 'https:') return got.protocol === want.protocol && got.host === want.host && got.host !== '';
    return got.origin === want.origin;
  } catch {
    return false;
  }
}
