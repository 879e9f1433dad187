import type { ReactNode } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  item: {
    display: 'block',
    width: '100%',
    textAlign: 'left',
    border: 'none',
    background: 'none',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  current: { backgroundColor: tokens.colorBrandBackground2, ':hover': { backgroundColor: tokens.colorBrandBackground2Hover } },
  unanchored: { cursor: 'default' },
});

/** A line of the outline that shows its passage in the source when chosen (click, Enter or Space). */
export function OutlineItem({ current, anchored, onChoose, children, label }: {
  current: boolean;
  anchored: boolean;
  onChoose: () => void;
  children: ReactNode;
  label?: string;
}) {
  const styles = useStyles();
  return (
    <button
      type="button"
      className={mergeClasses(styles.item, current && styles.current, !anchored && styles.unanchored)}
      aria-current={current || undefined}
      aria-label={label}
      title={anchored ? 'Show in the source' : 'Not found in the source text'}
      onClick={onChoose}
    >
      {children}
    </button>
  );
}
