import { Card, CardHeader, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import type { Rag } from '../../../shared/domain/finding';
import { useQuery } from '../../hooks/data';
import { formatDate } from '../../format';
import { OverdueTable } from './OverdueTable';
import { ProgressChart } from './ProgressChart';
import { RagChip } from './RagChip';
import { SignOffFigures } from './SignOffFigures';

const useStyles = makeStyles({
  cards: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalL },
  figure: { fontSize: tokens.fontSizeHero800, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero800 },
  counts: { margin: 0, display: 'grid', gridTemplateColumns: '1fr auto', rowGap: tokens.spacingVerticalXS },
  count: { margin: 0, textAlign: 'right', fontWeight: tokens.fontWeightSemibold },
  section: { marginBottom: tokens.spacingVerticalXL },
});

/** What the Organisational Improvement Group looks at each month. */
export function DashboardView({ onOpen }: { onOpen: (findingId: string) => void }) {
  const styles = useStyles();
  const board = useQuery('findings.dashboard', {});
  if (board.error) return <p role="alert">{board.error}</p>;
  if (!board.data) return <Spinner label="Loading the dashboard" />;
  const d = board.data;
  return (
    <div data-testid="dashboard">
      <div className={styles.cards}>
        <Card role="group" aria-labelledby="card-open">
          <CardHeader header={<h2 id="card-open">Open findings</h2>} />
          <Text className={styles.figure}>{d.open}</Text>
          <Text>
            of {d.total}; {d.closed} closed or superseded
          </Text>
        </Card>
        <Card role="group" aria-labelledby="card-status">
          <CardHeader header={<h2 id="card-status">By status</h2>} />
          <dl className={styles.counts}>
            {Object.entries(d.openByStatus).map(([status, n]) => (
              <div key={status} style={{ display: 'contents' }}>
                <dt>{status}</dt>
                <dd className={styles.count}>{n}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card role="group" aria-labelledby="card-rag">
          <CardHeader header={<h2 id="card-rag">By RAG</h2>} />
          <dl className={styles.counts}>
            {Object.entries(d.openByRag).map(([rag, n]) => (
              <div key={rag} style={{ display: 'contents' }}>
                <dt>
                  <RagChip rag={rag === 'Not rated' ? null : (rag as Rag)} />
                </dt>
                <dd className={styles.count}>{n}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card role="group" aria-labelledby="card-quarter">
          <CardHeader header={<h2 id="card-quarter">Closed this quarter</h2>} />
          <Text className={styles.figure} data-testid="closed-this-quarter">
            {d.closedThisQuarter}
          </Text>
          <Text>
            signed off {formatDate(d.quarter.start)} – {formatDate(d.quarter.end)}
          </Text>
        </Card>
        <Card role="group" aria-labelledby="card-awaiting">
          <CardHeader header={<h2 id="card-awaiting">Awaiting approval</h2>} />
          <Text className={styles.figure}>{d.awaitingApproval.length}</Text>
          <Text>proposed for closure, not yet signed off</Text>
        </Card>
        <Card role="group" aria-labelledby="card-owner">
          <CardHeader header={<h2 id="card-owner">Without an owner</h2>} />
          <Text className={styles.figure}>{d.withoutOwner}</Text>
          <Text>open findings nobody owns yet</Text>
        </Card>
      </div>
      <section className={styles.section} aria-labelledby="overdue-heading">
        <h2 id="overdue-heading">Overdue ({d.overdue.length})</h2>
        {d.overdue.length === 0 ? (
          <Text as="p">Nothing is past its target date.</Text>
        ) : (
          <OverdueTable items={d.overdue} onOpen={onOpen} />
        )}
      </section>
      <SignOffFigures data={d} onOpen={onOpen} />
      <section aria-labelledby="trend-heading">
        <h2 id="trend-heading">Progress over time</h2>
        <ProgressChart series={d.series} />
      </section>
    </div>
  );
}
