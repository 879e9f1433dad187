import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { FORMAT_LABELS } from '../../../shared/domain/report-label';
import { formatDate } from '../../format';
import type { SameReportAnswer, SameReportQuestion } from './useImport';
import { useReportLabels } from './useReportLabels';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  hint: { color: tokens.colorNeutralForeground2, display: 'block', marginLeft: '32px', marginBottom: tokens.spacingVerticalS },
});

const CHOICES: { value: SameReportAnswer; label: string; hint: string }[] = [
  { value: 'keep-existing', label: 'Keep the report as it is', hint: 'Nothing is imported.' },
  {
    value: 'replace',
    label: 'Replace its file with this one',
    hint: 'The report is read again from this file. Tracking, annotations and corrections carry over; the old file is kept as an earlier version.',
  },
  {
    value: 'add-version',
    label: 'Keep both, as versions of one report',
    hint: 'This file is kept beside the report’s own. One report, one set of findings.',
  },
  { value: 'new', label: 'It is a different report: import it separately', hint: 'Its findings are listed and counted as well.' },
];

/** Asks what to do with a file that is another file of a report already held. */
export function SameReportDialog({ question, onAnswer }: { question: SameReportQuestion; onAnswer: (answer: SameReportAnswer) => void }) {
  const styles = useStyles();
  const [choice, setChoice] = useState<SameReportAnswer>('keep-existing');
  const labels = useReportLabels();
  const held = question.sameReport;
  return (
    <Dialog open modalType="alert" onOpenChange={(_e, d) => !d.open && onAnswer('keep-existing')}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>This report is already held</DialogTitle>
          <DialogContent className={styles.body}>
            <Text>
              <strong>{question.fileName}</strong> is another file of <strong>{labels.get(held.id) ?? held.title}</strong>, imported on{' '}
              {formatDate(held.importedAt)} from {held.fileName} ({FORMAT_LABELS[held.format]}), with {held.findingCount} finding
              {held.findingCount === 1 ? '' : 's'}
              {held.annotationCount > 0 ? ` and ${held.annotationCount} annotation${held.annotationCount === 1 ? '' : 's'}` : ''}.
            </Text>
            <RadioGroup value={choice} onChange={(_e, d) => setChoice(d.value as SameReportAnswer)} aria-label="What to do with this file">
              {CHOICES.map((c) => (
                <div key={c.value}>
                  <Radio value={c.value} label={c.label} />
                  <Text size={200} className={styles.hint}>
                    {c.hint}
                  </Text>
                </div>
              ))}
            </RadioGroup>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onAnswer(choice)}>
              Continue
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
