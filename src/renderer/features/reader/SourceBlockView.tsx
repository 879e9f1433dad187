import { memo } from 'react';
import { mergeClasses } from '@fluentui/react-components';
import type { SourceBlock } from './source-blocks';
import { segments, type HighlightRange } from './highlights';
import { HIGHLIGHT_COLOURS, useHighlightStyles } from './highlight-styles';

interface Props {
  block: SourceBlock;
  text: string;
  ranges: HighlightRange[];
  activeId: string | null;
  className: string;
  onActivate: (range: HighlightRange) => void;
}

/** One paragraph of the source; re-renders only when its own highlights change. */
function BlockView({ block, text, ranges, activeId, className, onActivate }: Props) {
  const styles = useHighlightStyles();
  return (
    <p className={className} data-start={block.start}>
      {segments(block.start, block.end, ranges).map((seg) => {
        const slice = text.slice(seg.start - block.start, seg.end - block.start);
        const inner = seg.ranges[seg.ranges.length - 1];
        if (!inner) return slice;
        const active = seg.ranges.some((r) => r.id === activeId);
        return (
          <mark
            key={seg.start}
            data-range-id={inner.id}
            data-kind={inner.kind}
            data-active={active || undefined}
            className={mergeClasses(styles.mark, active && styles.active)}
            style={active ? undefined : { backgroundColor: HIGHLIGHT_COLOURS[inner.colour ?? inner.kind] ?? HIGHLIGHT_COLOURS.yellow }}
            onClick={() => onActivate(inner)}
          >
            {slice}
          </mark>
        );
      })}
    </p>
  );
}

const sameRanges = (a: HighlightRange[], b: HighlightRange[]) =>
  a.length === b.length &&
  a.every((r, i) => {
    const o = b[i];
    return o !== undefined && r.id === o.id && r.start === o.start && r.end === o.end && r.kind === o.kind && r.colour === o.colour;
  });

export const SourceBlockView = memo(
  BlockView,
  (a, b) =>
    a.block === b.block &&
    a.text === b.text &&
    a.activeId === b.activeId &&
    a.className === b.className &&
    a.onActivate === b.onActivate &&
    sameRanges(a.ranges, b.ranges),
);
