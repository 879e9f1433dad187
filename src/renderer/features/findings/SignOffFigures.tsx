import { Link, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import type { Dashboard } from '../../../shared/domain/views';
import { formatDate } from '../../format';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXL },
  text: { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' },
});

const days = (n: number | null) => (n === null ? '—' : `${Math.round(n)} day${Math.round(n) === 1 ? '' : 's'}`);

/** The sign-off side of the dashboard: proposals waiting for an approver, and how long each inspection's findings took to close. */
export function SignOffFigures({ data, onOpen }: { data: Dashboard; onOpen: (findingId: string) => void }) {
  const styles = useStyles();
  return (
    <>
      <section className={styles.section} aria-labelledby="awaiting-heading">
        <h2 id="awaiting-heading">Proposed for closure, awaiting approval ({data.awaitingApproval.length})</h2>
        {data.awaitingApproval.length === 0 ? (
          <Text as="p">No proposal waits for sign-off.</Text>
        ) : (
          <Table size="small" aria-labelledby="awaiting-heading">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Finding</TableHeaderCell>
                <TableHeaderCell>Owner</TableHeaderCell>
                <TableHeaderCell>Proposed by</TableHeaderCell>
                <TableHeaderCell>Proposed on</TableHeaderCell>
                <TableHeaderCell>Waiting</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.awaitingApproval.map((a) => (
                <TableRow key={a.findingId}>
                  <TableCell>
                    <Link className={styles.text} onClick={() => onOpen(a.findingId)}>
                      {a.text}
                    </Link>
                  </TableCell>
                  <TableCell>{a.owner ?? 'No owner'}</TableCell>
                  <TableCell>{a.proposedBy}</TableCell>
                  <TableCell>{formatDate(a.proposedOn)}</TableCell>
                  <TableCell>{days(a.daysWaiting)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      <section className={styles.section} aria-labelledby="time-to-close-heading">
        <h2 id="time-to-close-heading">Time to close, per inspection</h2>
        <Text as="p">From the report’s publication to each closure’s sign-off date.</Text>
        <Table size="small" aria-labelledby="time-to-close-heading">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Inspection</TableHeaderCell>
              <TableHeaderCell>Closed</TableHeaderCell>
              <TableHeaderCell>Median</TableHeaderCell>
              <TableHeaderCell>Mean</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.timeToClose.map((t) => (
              <TableRow key={t.reportId}>
                <TableCell>
                  {t.period ? `${t.period} · ` : ''}
                  {t.title}
                </TableCell>
                <TableCell>
                  {t.closed} of {t.findings}
                </TableCell>
                <TableCell>{days(t.medianDays)}</TableCell>
                <TableCell>{days(t.meanDays)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
    </>
  );
}
