import { makeStyles, mergeClasses, Spinner, Text, tokens } from '@fluentui/react-components';
import type { Grade } from '../../../shared/domain/grades';
import type { GradeCell, GradeColumn, GradeLine } from '../../../shared/domain/views';
import { useQuery } from '../../hooks/data';

/**
 * The inspectorate's colours: greens for outstanding and good, ambers for adequate and requires
 * improvement, red for inadequate, grey for ungraded. Each text colour reads at 4.5:1 or better on its fill.
 */
const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: { borderCollapse: 'separate', borderSpacing: '3px', minWidth: '640px' },
  corner: { textAlign: 'left', verticalAlign: 'bottom', padding: tokens.spacingHorizontalS, minWidth: '260px' },
  column: { textAlign: 'left', verticalAlign: 'bottom', padding: tokens.spacingHorizontalS, width: '200px', fontWeight: tokens.fontWeightSemibold },
  source: { display: 'block', fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  line: { textAlign: 'left', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, fontWeight: tokens.fontWeightRegular },
  pillar: { fontWeight: tokens.fontWeightBold, paddingTop: tokens.spacingVerticalM },
  cell: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderRadius: tokens.borderRadiusMedium, whiteSpace: 'nowrap' },
  Outstanding: { backgroundColor: '#0b4a1e', color: '#ffffff' },
  Good: { backgroundColor: '#107c10', color: '#ffffff' },
  Adequate: { backgroundColor: '#fde68a', color: '#1b1b1b' },
  'Requires improvement': { backgroundColor: '#f7a13b', color: '#1b1b1b' },
  Inadequate: { backgroundColor: '#a4262c', color: '#ffffff' },
  Ungraded: { backgroundColor: '#e1e1e1', color: '#1b1b1b' },
  absent: { color: tokens.colorNeutralForeground2, backgroundColor: tokens.colorNeutralBackground3 },
  marker: { marginLeft: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightBold },
  carried: { display: 'block', fontSize: tokens.fontSizeBase100, fontStyle: 'italic' },
  legend: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, marginTop: tokens.spacingVerticalM, color: tokens.colorNeutralForeground2 },
});

const MARKERS: Record<string, { symbol: string; words: string }> = {
  improved: { symbol: '▲', words: 'improved' },
  declined: { symbol: '▼', words: 'declined' },
  'no-change': { symbol: '=', words: 'no change' },
};

/** Present for screen readers, invisible on screen. */
const hidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

function Cell({ cell }: { cell: GradeCell }) {
  const styles = useStyles();
  if (!cell.present) {
    return (
      <td className={mergeClasses(styles.cell, styles.absent)}>
        <span aria-hidden>—</span>
        <span style={hidden}>Not inspected</span>
      </td>
    );
  }
  const grade: Grade = cell.grade ?? 'Ungraded';
  const marker = MARKERS[cell.change];
  return (
    <td className={mergeClasses(styles.cell, styles[grade])}>
      {cell.grade ?? 'Not graded'}
      {marker && (
        <>
          <span aria-hidden className={styles.marker} title={`${marker.words} since ${cell.comparedWith ?? 'the previous inspection'}`}>
            {marker.symbol}
          </span>
          <span style={hidden}>
            , {marker.words} since {cell.comparedWith ?? 'the previous inspection'}
          </span>
        </>
      )}
      {cell.carriedOver && <span className={styles.carried}>carried over from {cell.lastInspected}</span>}
    </td>
  );
}

function columnSource(c: GradeColumn): string {
  return c.kind === 'board-paper' ? 'as stated in the board paper' : c.title;
}

/** Questions and components (rows) against inspections (columns, oldest first), matched across the years' wordings. */
export function GradeHistoryGrid() {
  const styles = useStyles();
  const history = useQuery('grades.history', {});
  if (history.error) return <p role="alert">{history.error}</p>;
  if (!history.data) return <Spinner label="Loading grade history" />;
  const { lines, columns } = history.data;
  if (columns.length === 0) return <Text as="p">No graded reports yet. Import an inspection report to see its grades here.</Text>;
  return (
    <div className={styles.wrap}>
      <table className={styles.table} data-testid="grade-history">
        <caption style={hidden}>Grades by question and inspection, oldest inspection first</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.corner}>
              Question or component
            </th>
            {columns.map((c) => (
              <th scope="col" key={c.reportId} className={styles.column}>
                {c.period ?? 'Undated'}
                <span className={styles.source}>{columnSource(c)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((line: GradeLine) => (
            <tr key={line.key}>
              <th scope="row" className={mergeClasses(styles.line, line.kind !== 'question' && styles.pillar)}>
                {line.label}
              </th>
              {line.cells.map((cell) => (
                <Cell key={cell.reportId} cell={cell} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className={styles.legend}>
        <span>▲ improved since the previous inspection</span>
        <span>▼ declined</span>
        <span>= no change</span>
        <span>— not inspected that year</span>
        <span>“carried over”: the report repeats an earlier year’s judgment</span>
      </p>
    </div>
  );
}
