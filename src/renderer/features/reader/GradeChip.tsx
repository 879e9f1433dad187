import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Grade } from '../../../shared/domain/grades';

/** The inspectorate's own colours for its grades, dark enough for white text (or light enough for black). */
const useStyles = makeStyles({
  chip: {
    display: 'inline-block',
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase300,
    whiteSpace: 'nowrap',
    color: '#ffffff',
  },
  Outstanding: { backgroundColor: '#005e66' },
  Good: { backgroundColor: '#0b6a0b' },
  Adequate: { backgroundColor: '#ffb900', color: '#1b1b1b' },
  'Requires improvement': { backgroundColor: '#ffb900', color: '#1b1b1b' },
  Inadequate: { backgroundColor: '#a4262c' },
  Ungraded: { backgroundColor: '#616161' },
});

export function GradeChip({ grade }: { grade: Grade | null }) {
  const styles = useStyles();
  return (
    <span className={mergeClasses(styles.chip, styles[grade ?? 'Ungraded'])} data-testid="grade-chip">
      {grade ?? 'Not graded'}
    </span>
  );
}
