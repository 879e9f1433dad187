import { useEffect, useState, type RefObject } from 'react';

/** Whether the officer has text selected inside the element, kept up to date as the selection changes. */
export function useHasSelectionIn(root: RefObject<HTMLElement | null>): boolean {
  const [has, setHas] = useState(false);
  useEffect(() => {
    const update = () => {
      const selection = window.getSelection();
      // A range between two text nodes covers nothing, though the browser does not call it collapsed.
      const node = selection && !selection.isCollapsed && selection.toString().trim() !== '' ? selection.anchorNode : null;
      setHas(node !== null && root.current !== null && root.current.contains(node));
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [root]);
  return has;
}
