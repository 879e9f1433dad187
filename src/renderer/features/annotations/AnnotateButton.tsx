import { useRef, useState } from 'react';
import { Button, Tooltip } from '@fluentui/react-components';
import { HighlightRegular } from '@fluentui/react-icons';
import { useAction } from '../../hooks/data';
import type { TextRange } from '../reader/selection';
import { useFocusReturn } from '../../hooks/useFocusReturn';
import { AnnotationDialog } from './AnnotationDialog';
import { useWindowKeys } from '../../hooks/useWindowKeys';

interface Props {
  reportId: string;
  hasSelection: boolean;
  /** The passage selected in the reader (text or PDF page), as offsets of the stored text. */
  getSelection: () => TextRange | null;
  /** The words of a passage as the reader shows them (markup left out). */
  quoteOf: (range: TextRange) => string;
  onSaved?: (annotationId: string) => void;
  /** The dialog closed: the passage was annotated (`saved`) or not. The reader puts the selection back. */
  onClosed?: (range: TextRange, saved: boolean) => void;
  /** Where focus goes when the dialog closes if the place it came from is gone. */
  fallbackFocus?: () => HTMLElement | null | undefined;
}

/** "Annotate" for the passage selected in the source text; Ctrl+Shift+A does the same. */
export function AnnotateButton({ reportId, hasSelection, getSelection, quoteOf, onSaved, onClosed, fallbackFocus }: Props) {
  const act = useAction();
  const [range, setRange] = useState<TextRange | null>(null);
  const saved = useRef(false);
  useFocusReturn(range !== null, fallbackFocus);

  useWindowKeys((e) => {
    if ((e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'a') {
      const selected = getSelection();
      if (!selected) return;
      e.preventDefault();
      setRange(selected);
    }
  });

  return (
    <>
      <Tooltip content="Annotate the selected passage (Ctrl+Shift+A)" relationship="description">
        <Button size="small" icon={<HighlightRegular />} disabled={!hasSelection} onClick={() => setRange(getSelection())}>
          Annotate
        </Button>
      </Tooltip>
      {range && (
        <AnnotationDialog
          title="Annotate passage"
          draft={{ quote: quoteOf(range), note: '', tags: [], colour: 'yellow' }}
          onClose={() => {
            onClosed?.(range, saved.current);
            saved.current = false;
            setRange(null);
          }}
          onSave={async (values) => {
            const result = await act('annotations.create', { reportId, start: range.start, end: range.end, ...values }, 'Annotation saved');
            if (result.ok) {
              saved.current = true;
              onSaved?.(result.value.id);
            }
            return result.ok;
          }}
        />
      )}
    </>
  );
}
