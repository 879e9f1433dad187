/** The largest file the app imports; the page checks it before reading a file, main again on receipt. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
