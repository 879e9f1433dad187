import { useEffect, useRef, useState } from 'react';
import { Button, Tooltip } from '@fluentui/react-components';
import { HighlightRegular } from '@fluentui/react-icons';
import { useAction } from '../../hooks/data';
import type { TextRange } from '../reader/selection';
import { AnnotationDialog } from './AnnotationDialog';

interface Props {
  reportId: string;
  text: string;
  hasSelection: boolean;
  /** The passage selected in the reader's source text, as offsets of the text. */
  getSelection: () => TextRange | null;
  onSaved?: (annotationId: string) => void;
}

/** "Annotate" for the passage selected in the source text; Ctrl+Shift+A does the same. */
export function AnnotateButton({ reportId, text, hasSelection, getSelection, onSaved }: Props) {
  const act = useAction();
  const [range, setRange] = useState<TextRange | null>(null);
  const latest = useRef(getSelection);
  useEffect(() => {
    latest.current = getSelection;
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'a') {
        const selected = latest.current();
        if (!selected) return;
        e.preventDefault();
        setRange(selected);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

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
          draft={{ quote: text.slice(range.start, range.end).trim(), note: '', tags: [], colour: 'yellow' }}
          onClose={() => setRange(null)}
          onSave={async (values) => {
            const result = await act('annotations.create', { reportId, start: range.start, end: range.end, ...values }, 'Annotation saved');
            if (result.ok) {
              window.getSelection()?.removeAllRanges();
              onSaved?.(result.value.id);
            }
            return result.ok;
          }}
        />
      )}
    </>
  );
}
