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
import type { ReportSummary } from '../../../shared/api/reports';
import { useQuery } from '../../hooks/data';
import { useVirtualList } from '../../hooks/useVirtualList';
import { useNavigate } from '../../navigation';
import { formatDate } from '../../format';
import { EmptyState } from './EmptyState';
import { ImportButton } from './ImportButton';
import { ImportProgressBar } from './ImportProgressBar';
import { KIND_LABELS } from '../../kind-labels';
import type { useImport } from './useImport';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalL },
  grow: { flexGrow: 1 },
  row: { cursor: 'pointer' },
  titleColumn: { width: '46%' },
  kindColumn: { width: '17%' },
  narrowColumn: { width: '10%' },
  dateColumn: { width: '17%' },
  spacer: { padding: 0, border: 'none' },
});

/** A row's height with its file name under the title; each drawn row is measured. */
const ROW_HEIGHT = 57;

/** A supporting document says which report it is about; every row names its file. */
function aboutLine(report: ReportSummary, titles: ReadonlyMap<string, string>): string {
  const about = report.aboutReportId ? titles.get(report.aboutReportId) : undefined;
  return about ? `About ${about} · ${report.fileName}` : report.fileName;
}

export function ReportsPage({ importer }: { importer: ReturnType<typeof useImport> }) {
  const styles = useStyles();
  const navigate = useNavigate();
  const reports = useQuery('reports.list', {});
  const list = reports.data ?? [];
  const titles = new Map(list.map((r) => [r.id, r.title]));
  // Only the rows in view are drawn: a store of 5,000 reports opens as fast as one of five.
  const { setList, items, before, after, measure } = useVirtualList({ count: list.length, estimateSize: ROW_HEIGHT, itemKey: (i) => list[i]?.id ?? i });
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
        <Table aria-label="Imported documents" data-testid="reports-table" aria-rowcount={list.length + 1}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.titleColumn}>Title</TableHeaderCell>
              <TableHeaderCell className={styles.kindColumn}>Kind</TableHeaderCell>
              <TableHeaderCell className={styles.narrowColumn}>Period</TableHeaderCell>
              <TableHeaderCell className={styles.dateColumn}>Published</TableHeaderCell>
              <TableHeaderCell className={styles.narrowColumn}>Findings</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody ref={setList}>
            {before > 0 && (
              <tr aria-hidden style={{ height: before }}>
                <td colSpan={5} className={styles.spacer} />
              </tr>
            )}
            {items.map(({ index }) => {
              const r = list[index]!;
              return (
                <TableRow
                  key={r.id}
                  ref={measure}
                  data-index={index}
                  aria-rowindex={index + 2}
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
                    <TableCellLayout description={aboutLine(r, titles)}>{r.title}</TableCellLayout>
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
              );
            })}
            {after > 0 && (
              <tr aria-hidden style={{ height: after }}>
                <td colSpan={5} className={styles.spacer} />
              </tr>
            )}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
