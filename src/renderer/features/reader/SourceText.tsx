import { forwardRef, Fragment, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { PageRange } from '../../../shared/domain/anchor';
import type { HighlightRange } from './highlights';
import { sourceBlocks } from './source-blocks';
import { selectionOffsets, type TextRange } from './selection';
import { SourceBlockView } from './SourceBlockView';

const useStyles = makeStyles({
  root: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase400,
    maxWidth: '72ch',
  },
  block: { whiteSpace: 'pre-wrap', marginTop: 0, marginBottom: tokens.spacingVerticalM },
  page: {
    display: 'block',
    color: tokens.colorNeutralForeground3,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalS,
  },
});

export interface SourceTextHandle {
  /** The passage the officer has selected in the source, as offsets of the text. */
  selection(): TextRange | null;
}

interface Props {
  text: string;
  pages: PageRange[];
  ranges: HighlightRange[];
  activeId: string | null;
  onActivate: (range: HighlightRange) => void;
}

/** The document's text, paragraph by paragraph, with PDF page numbers and highlighted passages. */
export const SourceText = forwardRef<SourceTextHandle, Props>(function SourceText({ text, pages, ranges, activeId, onActivate }, ref) {
  const styles = useStyles();
  const root = useRef<HTMLDivElement>(null);
  const blocks = useMemo(() => sourceBlocks(text, pages), [text, pages]);
  const sorted = useMemo(() => [...ranges].sort((a, b) => a.start - b.start), [ranges]);

  useImperativeHandle(ref, () => ({ selection: () => (root.current ? selectionOffsets(root.current) : null) }), []);

  useEffect(() => {
    if (!activeId) return;
    root.current?.querySelector(`mark[data-range-id="${CSS.escape(activeId)}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [activeId]);

  return (
    <div ref={root} className={styles.root} data-testid="source-text">
      {blocks.map((block) => {
        const here = sorted.filter((r) => r.start < block.end && r.end > block.start);
        return (
          <Fragment key={block.start}>
            {block.pageStart !== null && (
              <Caption1 className={styles.page} data-page={block.pageStart}>
                Page {block.pageStart}
              </Caption1>
            )}
            <SourceBlockView
              block={block}
              text={text.slice(block.start, block.end)}
              ranges={here}
              activeId={here.some((r) => r.id === activeId) ? activeId : null}
              className={styles.block}
              onActivate={onActivate}
            />
          </Fragment>
        );
      })}
    </div>
  );
});
