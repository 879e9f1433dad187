import { memo, type ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { DocBlock, Inline } from './document-model';
import type { HighlightRange } from './highlights';
import { InlineView } from './InlineView';

const useStyles = makeStyles({
  /** Line breaks inside a paragraph are kept as the stored text has them; runs of spaces collapse. */
  text: { whiteSpace: 'pre-line', marginTop: 0, marginBottom: tokens.spacingVerticalM, overflowWrap: 'anywhere' },
  h1: { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalXL },
  h2: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalL },
  h3: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalM },
  h4: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalM },
  list: { marginTop: 0, marginBottom: tokens.spacingVerticalM, paddingLeft: tokens.spacingHorizontalXXL },
  numbered: { listStyleType: 'none', paddingLeft: tokens.spacingHorizontalL },
  item: { whiteSpace: 'pre-line', marginBottom: tokens.spacingVerticalXS },
  table: { borderCollapse: 'collapse', marginBottom: tokens.spacingVerticalM, fontSize: tokens.fontSizeBase200, maxWidth: '100%' },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    verticalAlign: 'top',
    textAlign: 'left',
    overflowWrap: 'anywhere',
  },
  head: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  rule: { border: 'none', borderTop: `1px solid ${tokens.colorNeutralStroke2}`, margin: `${tokens.spacingVerticalM} 0` },
});

interface Props {
  block: DocBlock;
  text: string;
  /** The highlights touching this block. */
  ranges: HighlightRange[];
  /** The active highlight's id when it touches this block, otherwise null (so other blocks do not re-render). */
  activeId: string | null;
  onActivate: (range: HighlightRange) => void;
}

/** Stored heading levels 1–4 sit under the reader's own h2 ("Source text"), as h3–h6. */
const HEADING_TAGS = ['h3', 'h4', 'h5', 'h6'] as const;
const HEADING_STYLES = ['h1', 'h2', 'h3', 'h4'] as const;

/** One block of the document: heading, paragraph, list, table or rule. */
function BlockView({ block, text, ranges, activeId, onActivate }: Props) {
  const styles = useStyles();
  const inline = (part: Inline): ReactNode => <InlineView text={text} part={part} ranges={ranges} activeId={activeId} onActivate={onActivate} />;
  switch (block.type) {
    case 'heading': {
      const level = Math.min(block.level, 4) - 1;
      const Tag = HEADING_TAGS[level] ?? 'h6';
      return (
        <Tag className={`${styles.text} ${styles[HEADING_STYLES[level] ?? 'h4']}`} data-start={block.start}>
          {inline(block.content)}
        </Tag>
      );
    }
    case 'paragraph':
      return (
        <p className={styles.text} data-start={block.start}>
          {inline(block.content)}
        </p>
      );
    case 'list': {
      const Tag = block.ordered ? 'ol' : 'ul';
      return (
        <Tag className={`${styles.list} ${block.ordered ? styles.numbered : ''}`} data-start={block.start}>
          {block.items.map((item) => (
            <li key={item.start} className={styles.item}>
              {inline(item)}
            </li>
          ))}
        </Tag>
      );
    }
    case 'table':
      return (
        <table className={styles.table} data-start={block.start}>
          <tbody>
            {block.rows.map((row) => (
              <tr key={row.start}>
                {row.cells.map((cell, i) =>
                  row.header && cell.runs.length > 0 ? (
                    <th key={i} scope="col" className={`${styles.cell} ${styles.head}`}>
                      {inline(cell)}
                    </th>
                  ) : (
                    <td key={i} className={styles.cell}>
                      {inline(cell)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'rule':
      return <hr className={styles.rule} data-start={block.start} />;
  }
}

const sameRanges = (a: HighlightRange[], b: HighlightRange[]) =>
  a.length === b.length &&
  a.every((r, i) => {
    const o = b[i];
    return o !== undefined && r.id === o.id && r.start === o.start && r.end === o.end && r.kind === o.kind && r.colour === o.colour;
  });

/** Re-renders only when its own highlights change, so a long report stays quick as the officer works. */
export const DocBlockView = memo(
  BlockView,
  (a, b) => a.block === b.block && a.text === b.text && a.activeId === b.activeId && a.onActivate === b.onActivate && sameRanges(a.ranges, b.ranges),
);
