import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import type { Judgment } from '../../../shared/domain/report';
import { GradeChip } from './GradeChip';
import { OutlineItem } from './OutlineItem';
import { foundByText } from './found-by';

const useStyles = makeStyles({
  line: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS, margin: 0 },
  grow: { flexGrow: 1, minWidth: 0 },
  /** In a narrow outline (the PDF page view open) the grade goes under the question rather than squeezing it. */
  label: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: `0 ${tokens.spacingHorizontalS}`, alignItems: 'baseline' },
  question: { flex: '1 1 12em', minWidth: 0 },
  since: { display: 'block', color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular, fontSize: tokens.fontSizeBase200 },
});

/** A pillar or question heading with its grade; choosing it shows the judgment in the source. */
export function JudgmentLine({ as: Heading, label, judgment, check, current, onChoose, onEdit, className }: {
  as: 'h3' | 'h4';
  label: string;
  judgment: Judgment | null;
  /** Listed under "To check". */
  check: boolean;
  current: boolean;
  onChoose: () => void;
  onEdit: () => void;
  className?: string;
}) {
  const styles = useStyles();
  return (
    <Heading className={`${styles.line} ${className ?? ''}`} data-testid="judgment-line">
      <span className={styles.grow}>
        <OutlineItem current={current} anchored={judgment?.anchor != null} onChoose={onChoose}>
          <span className={styles.label}>
            <span className={styles.question}>{label}</span>
            {judgment && <GradeChip grade={judgment.grade} />}
          </span>
          {judgment?.lastInspected && <span className={styles.since}>Last inspected {judgment.lastInspected}</span>}
          {judgment && foundByText(judgment) && (
            <span className={styles.since}>
              {check ? 'To check · ' : ''}
              {foundByText(judgment)}
            </span>
          )}
        </OutlineItem>
      </span>
      {judgment && (
        <Button appearance="subtle" size="small" icon={<EditRegular />} aria-label={`Edit judgment: ${label}`} onClick={onEdit} />
      )}
    </Heading>
  );
}
