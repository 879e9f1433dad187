import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/**
 * The Electron fuses set in every packaged build: switches compiled into the Electron binary that no
 * command line or environment variable can turn back on.
 */
export const FUSES = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would turn the app into a plain Node with the app's file access.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS could preload any script into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends would open a debugger on the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Chromium's cookie store encrypted with the OS key store (the app sets no cookies, but nothing stored in clear).
  [FuseV1Options.EnableCookieEncryption]: true,
  // The app is loaded only from app.asar, and app.asar only if it matches the hash recorded at packaging.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // The renderer is served from app:// (src/main/electron/app-protocol.ts); file:// gets no special powers.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
} as const;

/** Flips the fuses in an Electron binary (electron, electron.exe, or Electron.app), as the packaging step does. */
export async function applyFuses(electronBinary: string, platform: string = process.platform, arch: string = process.arch): Promise<void> {
  await flipFuses(electronBinary, { ...FUSES, resetAdHocDarwinSignature: platform === 'darwin' && arch === 'arm64' });
}
