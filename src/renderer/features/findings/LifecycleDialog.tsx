import { useState } from 'react';
import {
  Button,
  Combobox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Option,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import type { Finding } from '../../../shared/domain/finding';
import type { LifecycleStep } from '../../../shared/domain/lifecycle-step';
import { useAction, useQuery } from '../../hooks/data';
import { localToday } from './tracking-labels';
import { DateField, dateProblem } from './DateField';

export type StepKind = LifecycleStep['step'];

const TITLES: Record<StepKind, { title: string; confirm: string; done: string }> = {
  propose: { title: 'Propose for closure', confirm: 'Propose for closure', done: 'Proposed for closure' },
  approve: { title: 'Approve closure', confirm: 'Close the finding', done: 'Finding closed' },
  sendBack: { title: 'Send back', confirm: 'Send back', done: 'Sent back: the finding is in progress again' },
  supersede: { title: 'Superseded by a later finding', confirm: 'Mark superseded', done: 'Marked superseded' },
  noFurtherAction: { title: 'No further action', confirm: 'Record no further action', done: 'No further action recorded' },
  reopen: { title: 'Reopen', confirm: 'Reopen', done: 'Finding reopened' },
};

const useStyles = makeStyles({ fields: { display: 'grid', gap: tokens.spacingVerticalM } });

/** Chooses the later finding that replaces this one, from the findings search. */
function LaterFindingPicker({ finding, value, onChange }: { finding: Finding; value: string; onChange: (id: string) => void }) {
  const [query, setQuery] = useState('');
  const hits = useQuery('search.query', { q: query, limit: 30, kinds: ['finding'] }, query.trim().length >= 3);
  const options = (hits.data ?? []).filter((h) => h.id !== finding.id && h.reportId !== finding.reportId);
  return (
    <Field label="The later finding that replaces it" required hint="Type three or more letters of the later finding, then choose it" validationMessage={value ? undefined : 'Choose a finding'}>
      <Combobox
        freeform
        value={query}
        placeholder="e.g. vetting"
        onChange={(e) => {
          setQuery(e.target.value);
          onChange('');
        }}
        onOptionSelect={(_e, d) => {
          onChange(d.optionValue ?? '');
          setQuery(d.optionText ?? '');
        }}
      >
        {options.map((h) => {
          const label = `${h.reportTitle ?? ''} · ${h.title}`;
          return (
            <Option key={h.id} value={h.id} text={label}>
              {label.length > 140 ? `${label.slice(0, 139)}…` : label}
            </Option>
          );
        })}
      </Combobox>
    </Field>
  );
}

/** One lifecycle step, with what it needs (a statement, an approver and date, a reason, the later finding). */
export function LifecycleDialog({ step, finding, onClose }: { step: StepKind; finding: Finding; onClose: () => void }) {
  const styles = useStyles();
  const act = useAction();
  const [words, setWords] = useState('');
  const [who, setWho] = useState(step === 'propose' ? (finding.tracking.owner ?? '') : '');
  const [date, setDate] = useState<string | null>(localToday());
  const [later, setLater] = useState('');
  const [busy, setBusy] = useState(false);
  const t = TITLES[step];

  const hasEvidence = finding.tracking.attachments.length + finding.tracking.evidence.length > 0;
  const wrongDate = dateProblem(date, { required: true, max: localToday() }) !== null;
  const build = (): LifecycleStep | null => {
    const text = words.trim();
    switch (step) {
      case 'propose':
        return text && hasEvidence ? { step, statement: text, proposedBy: who.trim() || undefined } : null;
      case 'approve':
        return text && who.trim() && date && !wrongDate ? { step, approver: who.trim(), date, reason: text } : null;
      case 'sendBack':
      case 'reopen':
        return text ? { step, reason: text } : null;
      case 'noFurtherAction':
        return text && date && !wrongDate ? { step, reason: text, date } : null;
      case 'supersede':
        return later ? { step, byFindingId: later, reason: text || undefined } : null;
    }
  };
  const ready = build();
  const submit = async () => {
    if (!ready) return;
    setBusy(true);
    const result = await act('findings.step', { id: finding.id, step: ready }, t.done);
    setBusy(false);
    if (result.ok) onClose();
  };
  const wordsLabel: Record<StepKind, string> = {
    propose: 'Closure statement: what was done, and how the evidence shows it',
    approve: 'Reason for approving',
    sendBack: 'Why it is sent back',
    supersede: 'Reason (optional)',
    noFurtherAction: 'Why no further action is needed',
    reopen: 'Why it is reopened',
  };
  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <DialogBody>
            <DialogTitle>{t.title}</DialogTitle>
            <DialogContent className={styles.fields}>
              {step === 'propose' && !hasEvidence && (
                <Text role="alert">Attach an evidence file or name the evidence first: the approver needs something to check.</Text>
              )}
              {step === 'supersede' && <LaterFindingPicker finding={finding} value={later} onChange={setLater} />}
              {(step === 'propose' || step === 'approve') && (
                <Field label={step === 'propose' ? 'Proposed by' : 'Approved by'} required={step === 'approve'} hint={step === 'approve' ? 'The named approver, e.g. the Deputy Chief Constable' : 'The owner, or you'}>
                  <Input value={who} onChange={(_e, d) => setWho(d.value)} />
                </Field>
              )}
              {(step === 'approve' || step === 'noFurtherAction') && (
                <DateField label="Date of the decision" required value={date} max={localToday()} onChange={setDate} />
              )}
              <Field label={wordsLabel[step]} required={step !== 'supersede'}>
                <Textarea value={words} resize="vertical" rows={4} onChange={(_e, d) => setWords(d.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={!ready || busy}>
                {t.confirm}
              </Button>
              <Button onClick={onClose}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
