import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { secureWebPreferences } from '../security/window-options';
import { APP_ORIGIN } from './app-protocol';

/** The built renderer, served as app://liaison/ (app-protocol.ts). */
export const rendererDir = (): string => join(import.meta.dirname, '../renderer');

/** The dev server's address under `electron-vite dev` (never in a packaged app), else the app:// page. */
export const devServerUrl = (): string | null => (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) || null;
export const rendererUrl = (): string => devServerUrl() ?? `${APP_ORIGIN}/index.html`;

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Liaison Desk',
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(rendererUrl());
  return window;
}
