import { useState } from 'react';
import {
  Button,
  Field,
  Link,
  makeStyles,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CalendarArrowDownRegular } from '@fluentui/react-icons';
import { DUE_SOON_WINDOWS } from '../../../shared/domain/due-soon';
import { useQuery } from '../../hooks/data';
import { formatDate } from '../../format';
import { useSaveFile } from '../../hooks/useSaveFile';
import { RagChip } from './RagChip';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'end', flexWrap: 'wrap', marginBottom: tokens.spacingVerticalL },
  group: { marginBottom: tokens.spacingVerticalXL },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  text: { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' },
});

const when = (daysLeft: number) => (daysLeft < 0 ? `${-daysLeft} day${daysLeft === -1 ? '' : 's'} overdue` : daysLeft === 0 ? 'due today' : `in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`);

/** What falls due in the next 30, 60 or 90 days, with everything overdue, by owner; and the dates as an Outlook calendar. */
export function DueSoonView({ onOpen }: { onOpen: (findingId: string) => void }) {
  const styles = useStyles();
  const [days, setDays] = useState<number>(30);
  const [owner, setOwner] = useState('');
  const due = useQuery('findings.dueSoon', { days });
  const owners = useQuery('findings.owners', {});
  const saveFile = useSaveFile();
  if (due.error) return <p role="alert">{due.error}</p>;
  if (!due.data) return <Spinner label="Loading what is due" />;
  const d = due.data;
  return (
    <div data-testid="due-soon">
      <div className={styles.bar}>
        <Field label="Due within">
          <Select value={String(days)} onChange={(_e, v) => setDays(Number(v.value))}>
            {DUE_SOON_WINDOWS.map((n) => (
              <option key={n} value={n}>
                the next {n} days
              </option>
            ))}
          </Select>
        </Field>
        <Text role="status">
          {d.total === 0 ? 'Nothing is overdue or due in this period.' : `${d.total} finding${d.total === 1 ? '' : 's'}: ${d.overdue} overdue, ${d.total - d.overdue} due soon.`}
        </Text>
        <Field label="Calendar for">
          <Select value={owner} onChange={(_e, v) => setOwner(v.value)}>
            <option value="">Every owner</option>
            {(owners.data ?? []).map((o) => (
              <option key={o.owner} value={o.owner}>
                {o.owner}
              </option>
            ))}
          </Select>
        </Field>
        <Button icon={<CalendarArrowDownRegular />} onClick={() => void saveFile('reminders.exportCalendar', { owner: owner || undefined }, 'Calendar exported')}>
          Export target dates to Outlook (.ics)
        </Button>
      </div>
      {d.groups.map((g) => (
        <section key={g.owner ?? ''} className={styles.group} aria-label={g.owner ?? 'No owner'}>
          <h2>
            {g.owner ?? 'No owner'} ({g.items.length})
          </h2>
          <Table size="small" aria-label={`Due for ${g.owner ?? 'no owner'}`}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Reference</TableHeaderCell>
                <TableHeaderCell>Finding</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell>RAG</TableHeaderCell>
                <TableHeaderCell>Target date</TableHeaderCell>
                <TableHeaderCell>When</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {g.items.map((i) => (
                <TableRow key={i.findingId}>
                  <TableCell>{i.reference}</TableCell>
                  <TableCell>
                    <Link className={styles.text} onClick={() => onOpen(i.findingId)}>
                      {i.text}
                    </Link>
                  </TableCell>
                  <TableCell>{i.status}</TableCell>
                  <TableCell>
                    <RagChip rag={i.rag} />
                  </TableCell>
                  <TableCell>{formatDate(i.due)}</TableCell>
                  <TableCell className={i.overdue ? styles.overdue : undefined}>{when(i.daysLeft)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      ))}
    </div>
  );
}
