import { memo } from 'react';
import { Badge, makeStyles, TableCell, TableCellLayout, TableRow, tokens } from '@fluentui/react-components';
import type { ReportSummary } from '../../../shared/api/reports';
import { useNavigate } from '../../navigation';
import { formatDate } from '../../format';
import { KIND_LABELS } from '../../kind-labels';
import { ReportActionsMenu } from './ReportActionsMenu';

const useStyles = makeStyles({
  row: { cursor: 'pointer' },
  status: { marginLeft: tokens.spacingHorizontalS },
});

interface Props {
  report: ReportSummary;
  index: number;
  label: string;
  /** The line under the title: its file, and the report a supporting document is about. */
  about: string;
  /** The list's measuring ref (useVirtualList). */
  measure: (element: HTMLElement | null) => void;
}

/**
 * One report in the reports table; it opens the report on click, Enter or Space. Drawn again only when
 * its own report or label changes: the list finding where it stands on the page, or scrolling, redraws the
 * table around the rows, not each row's Fluent components.
 */
export const ReportRow = memo(function ReportRow({ report, index, label, about, measure }: Props) {
  const styles = useStyles();
  const navigate = useNavigate();
  const open = () => navigate({ page: 'report', id: report.id });
  return (
    <TableRow
      ref={measure}
      data-index={index}
      aria-rowindex={index + 2}
      className={styles.row}
      tabIndex={0}
      aria-label={`Open ${label}`}
      onClick={open}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          open();
        }
      }}
    >
      <TableCell>
        <TableCellLayout description={about}>
          {label}
          {report.status === 'archived' && (
            <Badge className={styles.status} appearance="outline" color="subtle">
              Archived
            </Badge>
          )}
          {report.status === 'superseded' && (
            <Badge className={styles.status} appearance="outline" color="warning">
              Superseded
            </Badge>
          )}
        </TableCellLayout>
      </TableCell>
      <TableCell>
        <Badge appearance="tint" color={report.kind === 'inspection-report' ? 'brand' : 'informative'}>
          {KIND_LABELS[report.kind]}
        </Badge>
      </TableCell>
      <TableCell>{report.period ?? '—'}</TableCell>
      <TableCell>{formatDate(report.published)}</TableCell>
      <TableCell>{report.findingCount}</TableCell>
      <TableCell>
        <ReportActionsMenu report={report} label={label} />
      </TableCell>
    </TableRow>
  );
});
