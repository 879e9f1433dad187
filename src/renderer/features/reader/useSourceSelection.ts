import { useEffect, useState, type RefObject } from 'react';

/** Whether the officer has text selected inside the element, kept up to date as the selection changes. */
export function useHasSelectionIn(root: RefObject<HTMLElement | null>): boolean {
  const [has, setHas] = useState(false);
  useEffect(() => {
    const update = () => {
      const selection = window.getSelection();
      const node = selection && !selection.isCollapsed ? selection.anchorNode : null;
      setHas(node !== null && root.current !== null && root.current.contains(node));
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [root]);
  return has;
}
