import { redoLast, undoLast } from './undo-stack';
import { useWindowKeys } from '../../hooks/useWindowKeys';

/** In a text field the browser's own undo applies; elsewhere Ctrl+Z / Ctrl+Y undo and redo deletions. */
const inTextField = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, [contenteditable="true"]') !== null);

export function UndoShortcut() {
  useWindowKeys((e) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || inTextField(e.target)) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) {
      e.preventDefault();
      void undoLast();
    } else if (key === 'y' || (key === 'z' && e.shiftKey)) {
      e.preventDefault();
      void redoLast();
    }
  });
  return null;
}
