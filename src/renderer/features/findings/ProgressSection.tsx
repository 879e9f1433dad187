import { useState } from 'react';
import { Button, Field, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { compareProgress, progressDate, type Finding } from '../../../shared/domain/finding';
import { useAction } from '../../hooks/data';
import { formatDate, formatDateTime } from '../../format';
import { localToday } from './tracking-labels';
import { DateField, dateProblem } from './DateField';

const useStyles = makeStyles({
  list: { listStyle: 'none', padding: 0, margin: `0 0 ${tokens.spacingVerticalM}`, display: 'grid', gap: tokens.spacingVerticalS },
  item: { borderLeft: `3px solid ${tokens.colorBrandStroke1}`, paddingLeft: tokens.spacingHorizontalM },
  meta: { color: tokens.colorNeutralForeground3, display: 'block' },
  form: { display: 'grid', gap: tokens.spacingVerticalS, justifyItems: 'start' },
  wide: { width: '100%' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
});

/** Progress updates by the date they are about (oldest first), who gave them and when they were entered, and a box to add one. */
export function ProgressSection({ finding }: { finding: Finding }) {
  const styles = useStyles();
  const act = useAction();
  const [text, setText] = useState('');
  const [on, setOn] = useState<string | null>(localToday());
  const [busy, setBusy] = useState(false);
  const wrongDate = dateProblem(on, { required: true, max: localToday() }) !== null;
  const add = async () => {
    if (!text.trim() || !on || wrongDate) return;
    setBusy(true);
    const result = await act('findings.addProgress', { id: finding.id, text, on }, 'Progress update added');
    setBusy(false);
    if (result.ok) {
      setText('');
      setOn(localToday());
    }
  };
  const updates = [...finding.tracking.progress].sort(compareProgress);
  const files = (progressId: string) => finding.tracking.attachments.filter((a) => a.progressId === progressId);
  return (
    <section aria-labelledby="progress-heading">
      <h3 id="progress-heading">Progress updates</h3>
      {updates.length === 0 ? (
        <Text as="p">No progress recorded yet.</Text>
      ) : (
        <ol className={styles.list} aria-label="Progress updates, oldest first">
          {updates.map((p) => (
            <li key={p.id} className={styles.item}>
              <Text size={200} className={styles.meta}>
                <strong>{formatDate(progressDate(p))}</strong> · {p.by}
                {p.via ? ` via ${p.via}` : ''} · entered {formatDateTime(p.at)}
              </Text>
              <Text>{p.text}</Text>
              {files(p.id).length > 0 && (
                <Text size={200} className={styles.meta}>
                  Evidence: {files(p.id).map((a) => a.name).join(', ')}
                </Text>
              )}
            </li>
          ))}
        </ol>
      )}
      <div className={styles.form}>
        <Field label="New progress update" hint="Ctrl+Enter adds it" className={styles.wide}>
          <Textarea
            value={text}
            onChange={(_, d) => setText(d.value)}
            resize="vertical"
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void add();
              }
            }}
          />
        </Field>
        <div className={styles.row}>
          <DateField label="Date of the update" hint="The day it is about, e.g. the meeting" required value={on} max={localToday()} onChange={setOn} />
          <Button appearance="primary" onClick={() => void add()} disabled={busy || !text.trim() || wrongDate}>
            Add update
          </Button>
        </div>
      </div>
    </section>
  );
}
