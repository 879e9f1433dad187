import { useState } from 'react';
import { Button, Field, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import type { Finding } from '../../../shared/domain/finding';
import { useAction } from '../../hooks/data';
import { formatDateTime } from '../../format';

const useStyles = makeStyles({
  list: { listStyle: 'none', padding: 0, margin: `0 0 ${tokens.spacingVerticalM}`, display: 'grid', gap: tokens.spacingVerticalS },
  item: { borderLeft: `3px solid ${tokens.colorBrandStroke1}`, paddingLeft: tokens.spacingHorizontalM },
  meta: { color: tokens.colorNeutralForeground3, display: 'block' },
  form: { display: 'grid', gap: tokens.spacingVerticalS, justifyItems: 'start' },
  wide: { width: '100%' },
});

/** Dated progress updates (who, when, what), oldest first, and a box to add one. */
export function ProgressSection({ finding }: { finding: Finding }) {
  const styles = useStyles();
  const act = useAction();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const add = async () => {
    if (!text.trim()) return;
    setBusy(true);
    const result = await act('findings.addProgress', { id: finding.id, text }, 'Progress update added');
    setBusy(false);
    if (result.ok) setText('');
  };
  const updates = finding.tracking.progress;
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
                {formatDateTime(p.at)} · {p.by}
              </Text>
              <Text>{p.text}</Text>
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
        <Button appearance="primary" onClick={() => void add()} disabled={busy || !text.trim()}>
          Add update
        </Button>
      </div>
    </section>
  );
}
