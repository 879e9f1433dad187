/** The shape of an update-request workbook, shared by the writer and the reader so they cannot drift apart. */

export const FINDINGS_SHEET = 'Findings';
export const NOTE_SHEET = 'Covering note';
/** A very hidden sheet: what the workbook was made for, read back when it returns. */
export const META_SHEET = 'Liaison Desk';
export const META_MARKER = 'liaison-desk-update-request';
export const META_VERSION = 1;

/** Filled in by the app, locked. */
export const LOCKED_COLUMNS = ['Reference', 'Report', 'Finding', 'Owner', 'Status', 'Target date', 'Latest update'] as const;
/** Left empty for the owner. */
export const OWNER_COLUMNS = ['Progress update', 'Update date', 'New status', 'New target date', 'Evidence'] as const;
export const COLUMNS = [...LOCKED_COLUMNS, ...OWNER_COLUMNS] as const;

/** 1-based column numbers by header. */
export const COLUMN = Object.fromEntries(COLUMNS.map((name, i) => [name, i + 1])) as Record<(typeof COLUMNS)[number], number>;
