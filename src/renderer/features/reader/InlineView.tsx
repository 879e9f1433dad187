import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Inline } from './document-model';
import { segments, type HighlightRange } from './highlights';
import { FIND_COLOURS, HIGHLIGHT_COLOURS, useHighlightStyles } from './highlight-styles';
import { MARKS, type Run } from './inline-markup';

const useStyles = makeStyles({
  bold: { fontWeight: tokens.fontWeightSemibold },
  italic: { fontStyle: 'italic' },
  sup: { verticalAlign: 'super', fontSize: '75%', lineHeight: 0 },
  sub: { verticalAlign: 'sub', fontSize: '75%', lineHeight: 0 },
  link: { color: tokens.colorBrandForeground1, textDecorationLine: 'underline', textDecorationStyle: 'dotted' },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

const isFind = (r: HighlightRange) => r.kind === 'find' || r.kind === 'find-current';

interface Props {
  text: string;
  part: Inline;
  ranges: HighlightRange[];
  activeId: string | null;
  onActivate: (range: HighlightRange) => void;
}

/**
 * A paragraph's (or cell's, item's) runs, each an element holding exactly its slice of the stored text
 * (see selection.ts), with highlights drawn as marks inside. A find match is drawn over any other
 * highlight; clicking a mark still chooses the finding or annotation beneath it.
 */
export function InlineView({ text, part, ranges, activeId, onActivate }: Props) {
  const styles = useStyles();
  const marks = useHighlightStyles();
  const runClass = (run: Run) =>
    run.marks === 0
      ? undefined
      : mergeClasses(
          run.marks & MARKS.bold ? styles.bold : undefined,
          run.marks & MARKS.italic ? styles.italic : undefined,
          run.marks & MARKS.sup ? styles.sup : undefined,
          run.marks & MARKS.sub ? styles.sub : undefined,
          run.marks & MARKS.link ? styles.link : undefined,
          run.marks & MARKS.code ? styles.code : undefined,
        );
  return (
    <>
      {part.runs.map((run) => (
        <span key={run.start} data-run={run.start} className={runClass(run)}>
          {segments(run.start, run.end, ranges).map((seg) => {
            const slice = text.slice(seg.start, seg.end);
            if (seg.ranges.length === 0) return slice;
            const items = seg.ranges.filter((r) => !isFind(r));
            const inner = items[items.length - 1];
            const find = seg.ranges.some((r) => r.kind === 'find-current') ? 'current' : seg.ranges.some(isFind) ? 'match' : null;
            const active = items.some((r) => r.id === activeId);
            const background = find
              ? FIND_COLOURS[find]
              : active
                ? undefined
                : (HIGHLIGHT_COLOURS[inner?.colour ?? inner?.kind ?? ''] ?? HIGHLIGHT_COLOURS.yellow);
            return (
              <mark
                key={seg.start}
                data-range-id={inner?.id}
                data-kind={inner?.kind}
                data-find={find ?? undefined}
                data-active={active || undefined}
                className={mergeClasses(
                  marks.mark,
                  active && marks.active,
                  find === 'match' && marks.findMatch,
                  find === 'current' && marks.findCurrent,
                )}
                style={background ? { backgroundColor: background } : undefined}
                onClick={inner ? () => onActivate(inner) : undefined}
              >
                {slice}
              </mark>
            );
          })}
        </span>
      ))}
    </>
  );
}
