import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Rag } from '../../../shared/domain/finding';

/** Red, amber and green with text dark or light enough to read on each (contrast 4.5:1 or better). */
const useStyles = makeStyles({
  chip: {
    display: 'inline-block',
    minWidth: '4.5em',
    textAlign: 'center',
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase300,
  },
  Red: { backgroundColor: '#a4262c', color: '#ffffff' },
  Amber: { backgroundColor: '#ffb900', color: '#1b1b1b' },
  Green: { backgroundColor: '#0b6a0b', color: '#ffffff' },
  none: { color: tokens.colorNeutralForeground3, border: `1px dashed ${tokens.colorNeutralStroke1}` },
});

export function RagChip({ rag }: { rag: Rag | null }) {
  const styles = useStyles();
  return <span className={mergeClasses(styles.chip, styles[rag ?? 'none'])}>{rag ?? 'Not rated'}</span>;
}
