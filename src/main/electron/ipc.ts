import { ipcMain } from 'electron';
import type { Dispatch } from '../api/dispatcher';
import { ipcCallHandler } from '../api/ipc-handler';

export const API_CHANNEL = 'liaison:call';

/** The app's single IPC channel: every call goes through the dispatcher, and only from the app's own page. */
export function setupIpc(dispatch: Dispatch, appUrl: () => string): void {
  ipcMain.handle(API_CHANNEL, ipcCallHandler(dispatch, appUrl));
}
