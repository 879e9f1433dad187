import { useMemo } from 'react';
import type { AnnotationListItem } from '../../../shared/api/annotations';
import { useQuery } from '../../hooks/data';
import type { HighlightRange } from '../reader/highlights';

/** Whether an annotation's passage is still where it was saved (re-extraction can lose one). */
export const isAnchored = (a: AnnotationListItem, text: string | undefined) =>
  text !== undefined && text.slice(a.anchor.start, a.anchor.end) === a.anchor.quote;

/** A report's annotations, and the highlights the reader draws for them in the officer's colours. */
export function useReportAnnotations(reportId: string, text: string | undefined) {
  const query = useQuery('annotations.list', { reportId });
  const items = useMemo(() => query.data ?? [], [query.data]);
  const ranges = useMemo<HighlightRange[]>(
    () =>
      items
        .filter((a) => isAnchored(a, text))
        .map((a) => ({ start: a.anchor.start, end: a.anchor.end, kind: 'annotation', id: a.id, colour: a.colour })),
    [items, text],
  );
  return { items, ranges, error: query.error };
}
