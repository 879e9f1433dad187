import { useState } from 'react';
import { Button, makeStyles, Switch, Table, TableBody, TableHeader, TableHeaderCell, TableRow, Title2, tokens } from '@fluentui/react-components';
import { DocumentQueueAddRegular } from '@fluentui/react-icons';
import type { ReportSummary } from '../../../shared/api/reports';
import { useQuery } from '../../hooks/data';
import { useVirtualList } from '../../hooks/useVirtualList';
import { EmptyState } from './EmptyState';
import { ImportButton } from './ImportButton';
import { ImportProgressBar } from './ImportProgressBar';
import { ReportRow } from './ReportRow';
import type { useImport } from './useImport';
import { useReportLabels } from './useReportLabels';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalL },
  grow: { flexGrow: 1 },
  titleColumn: { width: '44%' },
  kindColumn: { width: '16%' },
  narrowColumn: { width: '9%' },
  dateColumn: { width: '16%' },
  actionsColumn: { width: '48px' },
  spacer: { padding: 0, border: 'none' },
  /** Present for screen readers, invisible on screen. */
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

/** A row's height with its file name under the title (45 px in Fluent's medium table); each drawn row is measured. */
const ROW_HEIGHT = 45;

/** A supporting document says which report it is about; every row names its file, and any other versions of it. */
function aboutLine(report: ReportSummary, labels: ReadonlyMap<string, string>): string {
  const about = report.aboutReportId ? labels.get(report.aboutReportId) : undefined;
  const files = report.versionCount > 0 ? `${report.fileName} and ${report.versionCount} other version${report.versionCount === 1 ? '' : 's'}` : report.fileName;
  return about ? `About ${about} · ${files}` : files;
}

export function ReportsPage({ importer }: { importer: ReturnType<typeof useImport> }) {
  const styles = useStyles();
  const [showAll, setShowAll] = useState(false);
  const reports = useQuery('reports.list', { all: true });
  const everything = reports.data ?? [];
  const list = showAll ? everything : everything.filter((r) => (r.status ?? 'active') === 'active');
  const hidden = everything.length - list.length;
  const labels = useReportLabels();
  // Only the rows in view are drawn: a store of 5,000 reports opens as fast as one of five.
  const { setList, items, before, after, measure } = useVirtualList({ count: list.length, estimateSize: ROW_HEIGHT, itemKey: (i) => list[i]?.id ?? i });
  return (
    <div>
      <div className={styles.header}>
        <Title2 as="h1" className={styles.grow}>
          Reports
        </Title2>
        {importer.busy && <ImportProgressBar fileName={importer.current} />}
        {(hidden > 0 || showAll) && (
          <Switch
            checked={showAll}
            onChange={(_e, d) => setShowAll(d.checked)}
            label={showAll ? 'Showing archived and superseded' : `Show archived and superseded (${hidden})`}
          />
        )}
        {everything.length > 0 && (
          <>
            <Button icon={<DocumentQueueAddRegular />} onClick={importer.importSamples} disabled={importer.busy}>
              Load samples
            </Button>
            <ImportButton onFiles={importer.importFiles} disabled={importer.busy} />
          </>
        )}
      </div>
      {reports.error && <p role="alert">{reports.error}</p>}
      {!reports.loading && everything.length === 0 && !reports.error && (
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
              <TableHeaderCell className={styles.actionsColumn}>
                <span className={styles.hidden}>Actions</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody ref={setList}>
            {before > 0 && (
              <tr aria-hidden style={{ height: before }}>
                <td colSpan={6} className={styles.spacer} />
              </tr>
            )}
            {items.map(({ index }) => {
              const r = list[index]!;
              return <ReportRow key={r.id} report={r} index={index} label={labels.get(r.id) ?? r.title} about={aboutLine(r, labels)} measure={measure} />;
            })}
            {after > 0 && (
              <tr aria-hidden style={{ height: after }}>
                <td colSpan={6} className={styles.spacer} />
              </tr>
            )}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
