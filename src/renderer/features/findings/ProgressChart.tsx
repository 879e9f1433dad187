import { makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import type { MonthPoint } from '../../../shared/domain/views';
import { formatMonth } from '../../format';

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 12, right: 12, bottom: 36, left: 40 };

const OPEN = '#c4314b';
const CLOSED = '#107c10';
const UPDATES = '#0f6cbd';

const useStyles = makeStyles({
  svg: { width: '100%', maxWidth: `${WIDTH}px`, height: 'auto', display: 'block' },
  key: { display: 'flex', gap: tokens.spacingHorizontalL, margin: `${tokens.spacingVerticalXS} 0` },
  swatch: { display: 'inline-block', width: '12px', height: '12px', marginRight: tokens.spacingHorizontalXS, verticalAlign: 'middle' },
  details: { marginTop: tokens.spacingVerticalS },
});

const monthLabel = (month: string) => formatMonth(month, true);

/**
 * Open and closed findings at the end of each month as stacked bars, with the month's progress updates
 * as a line; the same figures follow as a table for anyone who cannot see the chart.
 */
export function ProgressChart({ series }: { series: MonthPoint[] }) {
  const styles = useStyles();
  const shown = series.slice(-24);
  const max = Math.max(1, ...shown.map((p) => Math.max(p.open + p.closed, p.progressUpdates)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const band = plotW / Math.max(shown.length, 1);
  const bar = Math.min(40, band * 0.6);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const ticks = [0, Math.round(max / 2), max];
  const line = shown.map((p, i) => `${PAD.left + band * i + band / 2},${y(p.progressUpdates)}`).join(' ');
  const first = shown[0];
  const last = shown[shown.length - 1];
  const summary =
    first && last
      ? `From ${monthLabel(first.month)} to ${monthLabel(last.month)}: open findings went from ${first.open} to ${last.open}, closed from ${first.closed} to ${last.closed}.`
      : 'No figures yet.';
  return (
    <figure>
      <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="chart-title chart-desc" data-testid="progress-chart">
        <title id="chart-title">Findings open and closed at the end of each month, with progress updates</title>
        <desc id="chart-desc">{summary}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} stroke="#d1d1d1" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize="11" fill="#424242">
              {t}
            </text>
          </g>
        ))}
        {shown.map((p, i) => {
          const x = PAD.left + band * i + (band - bar) / 2;
          return (
            <g key={p.month}>
              <rect x={x} y={y(p.closed)} width={bar} height={plotH + PAD.top - y(p.closed)} fill={CLOSED} />
              <rect x={x} y={y(p.closed + p.open)} width={bar} height={y(p.closed) - y(p.closed + p.open)} fill={OPEN} />
              {(shown.length <= 12 || i % Math.ceil(shown.length / 12) === 0) && (
                <text x={x + bar / 2} y={HEIGHT - PAD.bottom + 16} textAnchor="middle" fontSize="11" fill="#424242">
                  {monthLabel(p.month)}
                </text>
              )}
            </g>
          );
        })}
        <polyline points={line} fill="none" stroke={UPDATES} strokeWidth="2" />
        {shown.map((p, i) => (
          <circle key={p.month} cx={PAD.left + band * i + band / 2} cy={y(p.progressUpdates)} r="3" fill={UPDATES} />
        ))}
      </svg>
      <figcaption className={styles.key}>
        <span>
          <span className={styles.swatch} style={{ backgroundColor: OPEN }} aria-hidden />
          Open
        </span>
        <span>
          <span className={styles.swatch} style={{ backgroundColor: CLOSED }} aria-hidden />
          Closed or superseded
        </span>
        <span>
          <span className={styles.swatch} style={{ backgroundColor: UPDATES }} aria-hidden />
          Progress updates in the month
        </span>
      </figcaption>
      <details className={styles.details}>
        <summary>Show the figures as a table</summary>
        <Table size="small" aria-label="Findings by month">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Month</TableHeaderCell>
              <TableHeaderCell>Open</TableHeaderCell>
              <TableHeaderCell>Closed</TableHeaderCell>
              <TableHeaderCell>Progress updates</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {series.map((p) => (
              <TableRow key={p.month}>
                <TableCell>{monthLabel(p.month)}</TableCell>
                <TableCell>{p.open}</TableCell>
                <TableCell>{p.closed}</TableCell>
                <TableCell>{p.progressUpdates}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </details>
    </figure>
  );
}
