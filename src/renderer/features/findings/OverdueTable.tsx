import { Link, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { OverdueItem } from '../../../shared/domain/views';
import { formatDate } from '../../format';
import { useVirtualList } from '../../hooks/useVirtualList';
import { RagChip } from './RagChip';

const useStyles = makeStyles({
  text: { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' },
  spacer: { padding: 0, border: 'none' },
});

/** The overdue findings, most overdue first; only the rows in view are drawn, however many there are. */
export function OverdueTable({ items, onOpen }: { items: OverdueItem[]; onOpen: (findingId: string) => void }) {
  const styles = useStyles();
  const rows = useVirtualList({ count: items.length, estimateSize: 45, itemKey: (i) => items[i]?.findingId ?? i });
  const { setList, before, after, measure } = rows;
  return (
    <Table size="small" aria-labelledby="overdue-heading" aria-rowcount={items.length + 1}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Finding</TableHeaderCell>
          <TableHeaderCell>Owner</TableHeaderCell>
          <TableHeaderCell>RAG</TableHeaderCell>
          <TableHeaderCell>Target date</TableHeaderCell>
          <TableHeaderCell>Days overdue</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody ref={setList}>
        {before > 0 && (
          <tr aria-hidden style={{ height: before }}>
            <td colSpan={5} className={styles.spacer} />
          </tr>
        )}
        {rows.items.map(({ index }) => {
          const o = items[index]!;
          return (
            <TableRow key={o.findingId} ref={measure} data-index={index} aria-rowindex={index + 2}>
              <TableCell>
                <Link className={styles.text} onClick={() => onOpen(o.findingId)}>
                  {o.text}
                </Link>
              </TableCell>
              <TableCell>{o.owner ?? 'No owner'}</TableCell>
              <TableCell>
                <RagChip rag={o.rag} />
              </TableCell>
              <TableCell>{formatDate(o.due)}</TableCell>
              <TableCell>{o.daysOverdue}</TableCell>
            </TableRow>
          );
        })}
        {after > 0 && (
          <tr aria-hidden style={{ height: after }}>
            <td colSpan={5} className={styles.spacer} />
          </tr>
        )}
      </TableBody>
    </Table>
  );
}
