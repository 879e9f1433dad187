import { dialog, type BrowserWindow } from 'electron';
import type { SaveOutcome } from '../../shared/api/files';
import { atomicWrite } from '../store/atomic-write';

const FILTERS: Record<string, Electron.FileFilter> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { name: 'Word document', extensions: ['docx'] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { name: 'Excel workbook', extensions: ['xlsx'] },
  'application/gzip': { name: 'Liaison Desk archive', extensions: ['ldarchive'] },
  'text/calendar': { name: 'Calendar (iCalendar)', extensions: ['ics'] },
  'text/csv': { name: 'CSV file', extensions: ['csv'] },
};

/** Exports are saved where the officer chooses in main's own dialog; the page never names a path. */
export function saveThroughDialog(getWindow: () => BrowserWindow | null) {
  return async (suggestedName: string, mimeType: string, bytes: Uint8Array): Promise<SaveOutcome> => {
    const window = getWindow();
    const options: Electron.SaveDialogOptions = {
      defaultPath: suggestedName,
      filters: FILTERS[mimeType] ? [FILTERS[mimeType]] : [],
    };
    const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { status: 'cancelled' };
    await atomicWrite(choice.filePath, bytes);
    return { status: 'saved', path: choice.filePath };
  };
}
