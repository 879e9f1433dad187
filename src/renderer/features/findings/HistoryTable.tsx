import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { FieldChange } from '../../../shared/domain/finding';
import { formatDateTime } from '../../format';
import { FIELD_LABELS, historyValue } from './tracking-labels';

/** Every change of a tracking field, newest first. */
export function HistoryTable({ history }: { history: FieldChange[] }) {
  return (
    <section aria-labelledby="history-heading">
      <h3 id="history-heading">History</h3>
      {history.length === 0 ? (
        <Text as="p">No changes yet.</Text>
      ) : (
        <Table size="small" aria-labelledby="history-heading" data-testid="history-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>When</TableHeaderCell>
              <TableHeaderCell>Who</TableHeaderCell>
              <TableHeaderCell>Field</TableHeaderCell>
              <TableHeaderCell>Change</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {history
              .map((change, i) => ({ change, i }))
              .reverse()
              .map(({ change, i }) => (
                <TableRow key={i}>
                  <TableCell>{formatDateTime(change.at)}</TableCell>
                  <TableCell>{change.by}</TableCell>
                  <TableCell>{FIELD_LABELS[change.field] ?? change.field}</TableCell>
                  <TableCell>
                    {change.field === 'progress' ? `Update dated ${historyValue(change, change.to)} entered` : `${historyValue(change, change.from)} → ${historyValue(change, change.to)}`}
                    {change.note && <Text block size={200}>{change.note}</Text>}
                  </TableCell>
                </TableRow>
              ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
