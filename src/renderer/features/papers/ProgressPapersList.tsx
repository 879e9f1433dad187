import { Button, makeStyles, Table, TableBody, TableCell, TableCellLayout, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { DocumentArrowDownRegular, EditRegular } from '@fluentui/react-icons';
import { useQuery } from '../../hooks/data';
import { formatDate, formatDateTime } from '../../format';
import { DeletePaperButton } from './DeletePaperButton';
import { useSaveFile } from '../../hooks/useSaveFile';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  empty: { color: tokens.colorNeutralForeground2, maxWidth: '640px' },
});

/** The progress papers, newest change first: progress against an inspection's findings, or every open one. */
export function ProgressPapersList({ onOpen }: { onOpen: (id: string) => void }) {
  const styles = useStyles();
  const papers = useQuery('progressPapers.list', {});
  const saveFile = useSaveFile();
  const list = papers.data ?? [];
  if (papers.error) return <p role="alert">{papers.error}</p>;
  if (!papers.loading && list.length === 0) {
    return (
      <p className={styles.empty}>
        No progress papers yet. A progress paper reports to the board on an inspection’s findings (or every open one): each with its owner,
        status, RAG and latest update from the tracking, counted by status, in the same house format.
      </p>
    );
  }
  return (
    <Table aria-label="Progress papers" data-testid="progress-papers-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Title</TableHeaderCell>
          <TableHeaderCell>Progress against</TableHeaderCell>
          <TableHeaderCell>Date</TableHeaderCell>
          <TableHeaderCell>Updated</TableHeaderCell>
          <TableHeaderCell>Actions</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {list.map((p) => (
          <TableRow key={p.id}>
            <TableCell>
              <TableCellLayout description={p.editedCount > 0 ? `${p.editedCount} paragraph${p.editedCount === 1 ? '' : 's'} in your own words` : 'Default wording'}>
                {p.title}
              </TableCellLayout>
            </TableCell>
            <TableCell>{p.about}</TableCell>
            <TableCell>{formatDate(p.date)}</TableCell>
            <TableCell>{formatDateTime(p.updatedAt)}</TableCell>
            <TableCell>
              <div className={styles.actions}>
                <Button size="small" appearance="primary" icon={<EditRegular />} onClick={() => onOpen(p.id)} aria-label={`Open ${p.title}`}>
                  Open
                </Button>
                <Button size="small" icon={<DocumentArrowDownRegular />} onClick={() => void saveFile('progressPapers.export', { id: p.id }, 'Exported')} aria-label={`Export ${p.title} as .docx`}>
                  Export .docx
                </Button>
                <DeletePaperButton paper={p} progress />
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
