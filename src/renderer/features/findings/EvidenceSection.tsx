import { useState } from 'react';
import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import type { Finding } from '../../../shared/domain/finding';
import type { TrackingEdits } from './useTrackingEdits';
import { EvidenceFiles } from './EvidenceFiles';

const useStyles = makeStyles({
  list: { margin: `0 0 ${tokens.spacingVerticalS}`, paddingLeft: tokens.spacingHorizontalL },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  add: { display: 'flex', alignItems: 'end', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
});

/** The evidence that a finding has been dealt with: files, and documents or minutes named in words. */
export function EvidenceSection({ finding, edits }: { finding: Finding; edits: TrackingEdits }) {
  const styles = useStyles();
  const [text, setText] = useState('');
  const evidence = finding.tracking.evidence;
  const add = async () => {
    const item = text.trim();
    if (!item) return;
    if (await edits.update(finding, { evidence: [...evidence, item] }, 'Evidence reference added')) setText('');
  };
  return (
    <section aria-labelledby="evidence-heading">
      <h3 id="evidence-heading">Evidence</h3>
      <EvidenceFiles finding={finding} />
      <h4>Named in words</h4>
      {evidence.length === 0 ? (
        <Text as="p">No evidence named yet.</Text>
      ) : (
        <ul className={styles.list}>
          {evidence.map((e, i) => (
            <li key={`${i}-${e}`}>
              <span className={styles.item}>
                <Text>{e}</Text>
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<DeleteRegular />}
                  aria-label={`Remove evidence ${e}`}
                  onClick={() => void edits.update(finding, { evidence: evidence.filter((_, j) => j !== i) }, 'Evidence reference removed')}
                />
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.add}>
        <Field label="Name a piece of evidence" className={styles.grow}>
          <Input
            value={text}
            onChange={(_, d) => setText(d.value)}
            placeholder="e.g. Vetting plan v2, PSD minutes 12 March 2018"
            onKeyDown={(e) => {
              if (e.key === 'Enter') void add();
            }}
          />
        </Field>
        <Button onClick={() => void add()} disabled={!text.trim()}>
          Add
        </Button>
      </div>
    </section>
  );
}
