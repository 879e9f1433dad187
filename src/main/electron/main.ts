import { app, BrowserWindow, dialog, safeStorage } from 'electron';
import { openAppCore, type AppCore } from '../app';
import { resolveDataDir, samplesDir } from '../paths';
import { warmSearch } from '../services/search';
import { setupIpc } from './ipc';
import { saveThroughDialog } from './save-dialog';
import { openInSystemApp } from './open-file';
import { reminderNotifier } from './notifications';
import { setupSecurity } from './security';
import { safeStorageCipher } from '../security/safe-storage-cipher';
import { createMainWindow, rendererDir, rendererUrl } from './window';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import { installLastResort } from '../last-resort';
import { warmImportReader } from '../ingest/read-in-worker';
import { teamPasswordVault } from './sync-password';

let mainWindow: BrowserWindow | null = null;
let core: AppCore | null = null;

if (!app.requestSingleInstanceLock()) {
  // Another Liaison Desk already has the store open; it will come to the front (second-instance below).
  app.quit();
} else {
  // British English throughout, including Chromium's own controls (date pickers show 16/01/2018).
  app.commandLine.appendSwitch('lang', 'en-GB');
  registerAppScheme();
  setupSecurity();
  installLastResort({
    dataDir: resolveDataDir(process.argv, process.env, app.getPath('userData')),
    tell: (message) => void dialog.showMessageBox({ type: 'error', title: 'Liaison Desk', message }),
  });
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start, fatal);
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!core) return;
    event.preventDefault();
    const closing = core;
    core = null;
    void closing.close().finally(() => app.quit());
  });
}

async function start(): Promise<void> {
  const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
  core = await openAppCore(
    dataDir,
    {
      transport: 'ipc',
      saveFile: saveThroughDialog(() => mainWindow),
      samplesDir: samplesDir(app.getAppPath()),
      openFile: openInSystemApp,
      notify: reminderNotifier(() => mainWindow),
      passwordVault: teamPasswordVault(dataDir),
      startTeam: true,
    },
    // After ready, when Linux has chosen its key store; only the desktop app can encrypt the store at rest.
    { cipher: safeStorageCipher(safeStorage), background: true },
  );
  setupIpc(core.dispatch, rendererUrl);
  serveAppScheme(rendererDir());
  mainWindow = createMainWindow();
  mainWindow.on('closed', () => (mainWindow = null));
  void warmSearch(core.store);
  // PDFium and mammoth load in the import worker once the first screen is up, not at the first import.
  void core.firstScreen.then(() => warmImportReader());
}

function fatal(error: unknown): void {
  dialog.showErrorBox('Liaison Desk could not start', (error as Error).message ?? String(error));
  app.exit(1);
}
