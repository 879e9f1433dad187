import type { ImportProgress } from '../../shared/api/review';
import type { Store } from '../store/repository';

const IDLE: ImportProgress = { active: false, fileName: null, done: 0, total: 0 };
const current = new WeakMap<Store, ImportProgress>();

/**
 * How far the import running on a store has got, for the renderer to poll while a long PDF is read
 * (pages read of pages in the file). Imports from the window run one at a time.
 */
export function importProgress(store: Store): ImportProgress {
  return current.get(store) ?? IDLE;
}

/** Tracks one import: returns the callback for readDocument's onProgress and a function to call when it ends. */
export function trackImport(store: Store, fileName: string): { onProgress: (done: number, total: number) => void; finish: () => void } {
  current.set(store, { active: true, fileName, done: 0, total: 0 });
  return {
    onProgress: (done, total) => current.set(store, { active: true, fileName, done, total }),
    finish: () => current.delete(store),
  };
}
