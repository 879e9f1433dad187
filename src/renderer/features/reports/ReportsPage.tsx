import {
  Badge,
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { DocumentQueueAddRegular } from '@fluentui/react-icons';
import { useQuery } from '../../hooks/data';
import { useNavigate } from '../../app/navigation';
import { formatDate } from '../../format';
import { EmptyState } from './EmptyState';
import { ImportButton } from './ImportButton';
import { ImportProgressBar } from './ImportProgressBar';
import { KIND_LABELS } from './kind-labels';
import type { useImport } from './useImport';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalL },
  grow: { flexGrow: 1 },
  row: { cursor: 'pointer' },
});

export function ReportsPage({ importer }: { importer: ReturnType<typeof useImport> }) {
  const styles = useStyles();
  const navigate = useNavigate();
  const reports = useQuery('reports.list', {});
  const list = reports.data ?? [];
  return (
    <div>
      <div className={styles.header}>
        <Title2 as="h1" className={styles.grow}>
          Reports
        </Title2>
        {importer.busy && <ImportProgressBar fileName={importer.current} />}
        {list.length > 0 && (
          <>
            <Button icon={<DocumentQueueAddRegular />} onClick={importer.importSamples} disabled={importer.busy}>
              Load samples
            </Button>
            <ImportButton onFiles={importer.importFiles} disabled={importer.busy} />
          </>
        )}
      </div>
      {reports.error && <p role="alert">{reports.error}</p>}
      {!reports.loading && list.length === 0 && !reports.error && (
        <EmptyState onFiles={importer.importFiles} onSamples={importer.importSamples} busy={importer.busy} />
      )}
      {list.length > 0 && (
        <Table aria-label="Imported documents" data-testid="reports-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Title</TableHeaderCell>
              <TableHeaderCell>Kind</TableHeaderCell>
              <TableHeaderCell>Period</TableHeaderCell>
              <TableHeaderCell>Published</TableHeaderCell>
              <TableHeaderCell>Findings</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.map((r) => (
              <TableRow
                key={r.id}
                className={styles.row}
                tabIndex={0}
                aria-label={`Open ${r.title}`}
                onClick={() => navigate({ page: 'report', id: r.id })}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    navigate({ page: 'report', id: r.id });
                  }
                }}
              >
                <TableCell>
                  <TableCellLayout description={r.fileName}>{r.title}</TableCellLayout>
                </TableCell>
                <TableCell>
                  <Badge appearance="tint" color={r.kind === 'inspection-report' ? 'brand' : 'informative'}>
                    {KIND_LABELS[r.kind]}
                  </Badge>
                </TableCell>
                <TableCell>{r.period ?? '—'}</TableCell>
                <TableCell>{formatDate(r.published)}</TableCell>
                <TableCell>{r.findingCount}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
