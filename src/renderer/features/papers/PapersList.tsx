import {
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
  Title3,
  tokens,
} from '@fluentui/react-components';
import { CopyRegular, DocumentArrowDownRegular, EditRegular } from '@fluentui/react-icons';
import { useAction, useQuery } from '../../hooks/data';
import { useVirtualList } from '../../hooks/useVirtualList';
import { formatDate, formatDateTime } from '../../format';
import { DeletePaperButton } from './DeletePaperButton';
import { ExportRegisterButton } from './ExportRegisterButton';
import { NewPaperDialog } from './NewPaperDialog';
import { NewProgressPaperDialog } from './NewProgressPaperDialog';
import { ProgressPapersList } from './ProgressPapersList';
import { useSaveFile } from '../../hooks/useSaveFile';
import { useReportLabels } from '../reports/useReportLabels';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalL, flexWrap: 'wrap' },
  grow: { flexGrow: 1 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  empty: { color: tokens.colorNeutralForeground2, maxWidth: '640px' },
  spacer: { padding: 0, border: 'none' },
  subhead: { display: 'block', margin: `${tokens.spacingVerticalL} 0 ${tokens.spacingVerticalS}` },
});

/** The saved papers, newest change first, with what can be done to each. */
export function PapersList({ onOpen, onOpenProgress }: { onOpen: (id: string) => void; onOpenProgress: (id: string) => void }) {
  const styles = useStyles();
  const papers = useQuery('papers.list', {});
  const act = useAction();
  const saveFile = useSaveFile();
  const labels = useReportLabels();
  const list = papers.data ?? [];
  // Only the rows in view are drawn, however many papers there are.
  const { setList, items, before, after, measure } = useVirtualList({ count: list.length, estimateSize: 57, itemKey: (i) => list[i]?.id ?? i });
  return (
    <div>
      <div className={styles.header}>
        <Title2 as="h1" className={styles.grow}>
          Board papers
        </Title2>
        <ExportRegisterButton />
        <NewProgressPaperDialog onCreated={onOpenProgress} />
        <NewPaperDialog onCreated={onOpen} />
      </div>
      <Title3 as="h2" className={styles.subhead}>
        Publication papers
      </Title3>
      {papers.error && <p role="alert">{papers.error}</p>}
      {!papers.loading && !papers.error && list.length === 0 && (
        <p className={styles.empty}>
          No publication papers yet. A publication paper briefs the board on a report when it comes out: it takes its grades, findings and dates from the report, in the force’s house format; you then write
          the paragraphs only you can, and export it to Word.
        </p>
      )}
      {list.length > 0 && (
        <Table aria-label="Board papers" data-testid="papers-table" aria-rowcount={list.length + 1}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Title</TableHeaderCell>
              <TableHeaderCell>Report</TableHeaderCell>
              <TableHeaderCell>Date</TableHeaderCell>
              <TableHeaderCell>Updated</TableHeaderCell>
              <TableHeaderCell>Actions</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody ref={setList}>
            {before > 0 && (
              <tr aria-hidden style={{ height: before }}>
                <td colSpan={5} className={styles.spacer} />
              </tr>
            )}
            {items.map(({ index }) => {
              const p = list[index]!;
              return (
                <TableRow key={p.id} ref={measure} data-index={index} aria-rowindex={index + 2}>
                  <TableCell>
                    <TableCellLayout description={p.editedCount > 0 ? `${p.editedCount} paragraph${p.editedCount === 1 ? '' : 's'} in your own words` : 'Default wording'}>
                      {p.title}
                    </TableCellLayout>
                  </TableCell>
                  <TableCell>{labels.get(p.reportId) ?? p.reportTitle}</TableCell>
                  <TableCell>{formatDate(p.date)}</TableCell>
                  <TableCell>{formatDateTime(p.updatedAt)}</TableCell>
                  <TableCell>
                    <div className={styles.actions}>
                      <Button size="small" appearance="primary" icon={<EditRegular />} onClick={() => onOpen(p.id)} aria-label={`Open ${p.title}`}>
                        Open
                      </Button>
                      <Button size="small" icon={<CopyRegular />} onClick={() => void act('papers.duplicate', { id: p.id }, 'Paper duplicated')} aria-label={`Duplicate ${p.title}`}>
                        Duplicate
                      </Button>
                      <Button size="small" icon={<DocumentArrowDownRegular />} onClick={() => void saveFile('papers.export', { id: p.id }, 'Exported')} aria-label={`Export ${p.title} as .docx`}>
                        Export .docx
                      </Button>
                      <DeletePaperButton paper={p} />
                    </div>
                  </TableCell>
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
      <Title3 as="h2" className={styles.subhead}>
        Progress papers
      </Title3>
      <ProgressPapersList onOpen={onOpenProgress} />
    </div>
  );
}
