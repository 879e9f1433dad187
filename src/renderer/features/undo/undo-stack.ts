/** Something the officer did that can be taken back (a deletion) and done again. */
export interface UndoEntry {
  label: string;
  undo: () => Promise<boolean>;
  redo: () => Promise<boolean>;
}

const LIMIT = 50;
const done: UndoEntry[] = [];
const undone: UndoEntry[] = [];

export function pushUndo(entry: UndoEntry): void {
  done.push(entry);
  if (done.length > LIMIT) done.shift();
  undone.length = 0;
}

/** Takes back the newest entry; false when there is nothing to undo or it failed (main said why). */
export async function undoLast(): Promise<UndoEntry | null> {
  const entry = done.pop();
  if (!entry) return null;
  if (await entry.undo()) undone.push(entry);
  return entry;
}

export async function redoLast(): Promise<UndoEntry | null> {
  const entry = undone.pop();
  if (!entry) return null;
  if (await entry.redo()) done.push(entry);
  return entry;
}

/** Undoes a given entry (from its toast), wherever it is in the stack. */
export async function undoEntry(entry: UndoEntry): Promise<void> {
  const at = done.indexOf(entry);
  if (at === -1) return;
  done.splice(at, 1);
  if (await entry.undo()) undone.push(entry);
}
