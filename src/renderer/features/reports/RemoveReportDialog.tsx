import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ReportSummary } from '../../../shared/api/reports';
import { useQuery } from '../../hooks/data';
import { impactLines, keptLines } from './report-impact';
import { useReportLabels } from './useReportLabels';

export type RemoveAction = 'archive' | 'supersede' | 'delete';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalXL },
  hint: { color: tokens.colorNeutralForeground2, display: 'block', marginLeft: '32px', marginBottom: tokens.spacingVerticalS },
  select: { width: '100%', minWidth: 0, '& select': { minWidth: 0, width: '100%', textOverflow: 'ellipsis' } },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/**
 * Archive (the gentle default: hidden, nothing lost), mark superseded by another report, or delete. Says
 * first what a deletion takes with it and what stays.
 */
export function RemoveReportDialog({
  report,
  initial,
  onClose,
  onConfirm,
}: {
  report: ReportSummary;
  initial: RemoveAction;
  onClose: () => void;
  onConfirm: (action: RemoveAction, supersededBy: string | null) => void;
}) {
  const styles = useStyles();
  const [action, setAction] = useState<RemoveAction>(initial);
  const impact = useQuery('reports.impact', { id: report.id });
  const reports = useQuery('reports.list', {});
  const labels = useReportLabels();
  const others = (reports.data ?? []).filter((r) => r.id !== report.id);
  const sameKind = others.filter((r) => r.kind === report.kind);
  const [by, setBy] = useState('');
  const chosenBy = others.some((r) => r.id === by) ? by : (sameKind[sameKind.length - 1]?.id ?? others[0]?.id ?? '');
  const label = labels.get(report.id) ?? report.title;
  return (
    <Dialog open modalType="alert" onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby="remove-report-what">
        <DialogBody>
          <DialogTitle>Remove “{label}”?</DialogTitle>
          <DialogContent className={styles.body}>
            <RadioGroup value={action} onChange={(_e, d) => setAction(d.value as RemoveAction)} aria-label="What to do with the report">
              <Radio value="archive" label="Archive it" />
              <Text size={200} className={styles.hint}>
                Hidden from the reports list, the register and the dashboard; its findings, tracking, annotations and notes are all kept, and it
                still counts as history in grade comparisons. Show archived reports to bring it back.
              </Text>
              <Radio value="supersede" label="Mark it as superseded by another report" disabled={others.length === 0} />
              <Text size={200} className={styles.hint}>
                Hidden like an archived report, and left out of grade comparisons: the other report takes its place.
              </Text>
              <Radio value="delete" label="Delete it" />
              <Text size={200} className={styles.hint}>
                Removed from the data folder. You can undo this until you close the app.
              </Text>
            </RadioGroup>
            {action === 'supersede' && (
              <Field label="Superseded by">
                <Select className={styles.select} value={chosenBy} onChange={(_e, d) => setBy(d.value)}>
                  {others.map((r) => (
                    <option key={r.id} value={r.id}>
                      {labels.get(r.id) ?? r.title}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <div id="remove-report-what" role="status" aria-live="polite">
              {!impact.data ? (
                <Spinner size="tiny" label="Counting what goes with it…" />
              ) : action === 'delete' ? (
                <>
                  <Text weight="semibold">Deleting it removes:</Text>
                  <ul className={styles.list} data-testid="delete-impact">
                    {impactLines(impact.data).map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                  {keptLines(impact.data).length > 0 && (
                    <>
                      <Text weight="semibold">Kept:</Text>
                      <ul className={styles.list}>
                        {keptLines(impact.data).map((line) => (
                          <li key={line}>{line}</li>
                        ))}
                      </ul>
                    </>
                  )}
                </>
              ) : (
                <Text>
                  Nothing is lost: {impactLines(impact.data)[0]}
                  {impact.data.annotations > 0 ? `, ${impact.data.annotations} annotation${impact.data.annotations === 1 ? '' : 's'}` : ''} and every
                  linked note stay as they are.
                </Text>
              )}
            </div>
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={action === 'supersede' && !chosenBy}
              onClick={() => onConfirm(action, action === 'supersede' ? chosenBy : null)}
            >
              {action === 'archive' ? 'Archive' : action === 'supersede' ? 'Mark as superseded' : 'Delete report'}
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
