import { useState } from 'react';
import { Button, Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { ArrowUndoRegular } from '@fluentui/react-icons';
import { RAGS, WORKING_STATUSES, type Finding, type FindingStatus, type Rag } from '../../../shared/domain/finding';
import { formatDate } from '../../format';
import { BritishDateInput } from '../../components/BritishDateInput';
import type { TrackingEdits } from './useTrackingEdits';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
  undo: { gridColumn: '1 / -1', display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** Owner, status, RAG and target date; each saves as soon as it changes (the owner when the field is left or Enter is pressed). */
export function TrackingFields({ finding, edits }: { finding: Finding; edits: TrackingEdits }) {
  const styles = useStyles();
  const t = finding.tracking;
  const [owner, setOwner] = useState(t.owner ?? '');
  const [seenOwner, setSeenOwner] = useState(t.owner);
  // A save, an undo or another window's edit brings a new owner: show it.
  if (seenOwner !== t.owner) {
    setSeenOwner(t.owner);
    setOwner(t.owner ?? '');
  }
  const saveOwner = () => {
    const next = owner.trim() || null;
    if (next !== t.owner) void edits.update(finding, { owner: next }, next ? `Owner set to ${next}` : 'Owner cleared');
  };
  const last = edits.last?.id === finding.id ? edits.last : null;
  const working = (WORKING_STATUSES as readonly string[]).includes(t.status);
  // Main sends the RAG that applies; only one the officer chose overrides the rules.
  const manual = t.ragSource !== 'derived' && t.rag !== null;
  return (
    <div className={styles.grid}>
      <Field label="Owner" hint="Press Enter to save">
        <Input
          value={owner}
          onChange={(_, d) => setOwner(d.value)}
          onBlur={saveOwner}
          onKeyDown={(e) => {
            if (e.key === 'Enter') saveOwner();
          }}
          placeholder="No owner yet"
        />
      </Field>
      {working ? (
        <Field label="Status" hint="Closing, superseding and no further action are steps under Closure and sign-off">
          <Select value={t.status} onChange={(_, d) => void edits.update(finding, { status: d.value as FindingStatus }, `Status set to ${d.value}`)}>
            {WORKING_STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </Select>
        </Field>
      ) : (
        <Field label="Status" hint="Changed through Closure and sign-off">
          <Input value={t.status} readOnly />
        </Field>
      )}
      <Field label="RAG" hint={t.ragReason}>
        <Select
          value={manual ? (t.rag ?? '') : ''}
          onChange={(_, d) => {
            const rag = (d.value || null) as Rag | null;
            void edits.update(finding, { rag }, rag ? `RAG set by hand to ${rag}` : 'RAG follows the rules again');
          }}
        >
          <option value="">{t.ragSource === 'derived' && t.rag ? `By the rules: ${t.rag}` : 'By the rules'}</option>
          {RAGS.map((r) => (
            <option key={r} value={r}>
              {r} (set by hand)
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Target date" hint={t.due ? `Due ${formatDate(t.due)}` : 'No target date'}>
        <BritishDateInput
          value={t.due}
          onChange={(due) => {
            if (due !== t.due) void edits.update(finding, { due }, due ? `Target date set to ${formatDate(due)}` : 'Target date cleared');
          }}
        />
      </Field>
      {last && (
        <div className={styles.undo}>
          <Button size="small" icon={<ArrowUndoRegular />} onClick={() => void edits.undo()} aria-keyshortcuts="Control+Z">
            Undo
          </Button>
          <Text size={200}>Last change: {last.label} (Ctrl+Z)</Text>
        </div>
      )}
    </div>
  );
}
