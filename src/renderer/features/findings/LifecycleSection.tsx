import { useRef, useState } from 'react';
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { FindingDetail } from '../../../shared/api/findings';
import { formatDate } from '../../format';
import { LifecycleDialog, type StepKind } from './LifecycleDialog';
import { useFocusReturn } from '../../hooks/useFocusReturn';

const useStyles = makeStyles({
  box: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  statement: {
    margin: 0,
    whiteSpace: 'pre-wrap',
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground2,
  },
  heading: { margin: 0 },
});

const STEPS_BY_STATUS: Record<string, Array<[StepKind, string]>> = {
  working: [
    ['propose', 'Propose for closure…'],
    ['supersede', 'Superseded by a later finding…'],
    ['noFurtherAction', 'No further action…'],
  ],
  proposed: [
    ['approve', 'Approve closure…'],
    ['sendBack', 'Send back…'],
    ['supersede', 'Superseded by a later finding…'],
  ],
  resolved: [['reopen', 'Reopen…']],
};

/** Where the finding stands in sign-off, and the steps it can take next. */
export function LifecycleSection({ detail, onOpen }: { detail: FindingDetail; onOpen: (id: string) => void }) {
  const styles = useStyles();
  const [step, setStep] = useState<StepKind | null>(null);
  // Back to the step's button; once the finding has moved on and that button is gone, to the next step's.
  const box = useRef<HTMLElement>(null);
  useFocusReturn(step !== null, () => box.current?.querySelector<HTMLElement>('button:not(:disabled)'));
  const t = detail.finding.tracking;
  const stage = t.status === 'Proposed for closure' ? 'proposed' : t.resolution ? 'resolved' : 'working';
  return (
    <section ref={box} aria-labelledby="signoff-heading" className={styles.box} data-testid="sign-off">
      <h3 id="signoff-heading" className={styles.heading}>
        Closure and sign-off
      </h3>
      {stage === 'working' && <Text>Being worked on. When the work is done, propose it for closure with a statement and evidence; a named approver then signs it off.</Text>}
      {stage === 'proposed' && t.proposal && (
        <>
          <Text>
            Proposed for closure by <strong>{t.proposal.by}</strong> on {formatDate(t.proposal.at)}, awaiting sign-off:
          </Text>
          <blockquote className={styles.statement}>{t.proposal.statement}</blockquote>
        </>
      )}
      {stage === 'resolved' && t.resolution && (
        <Text>
          <strong>{t.status}</strong> on {formatDate(t.resolution.date)}
          {t.resolution.approver ? (
            <>
              , approved by <strong>{t.resolution.approver}</strong>
            </>
          ) : null}
          {detail.supersededBy ? (
            <>
              , by{' '}
              <Button appearance="transparent" size="small" onClick={() => onOpen(detail.supersededBy!.id)}>
                {detail.supersededBy.reference}
              </Button>
            </>
          ) : null}
          : {t.resolution.reason}
        </Text>
      )}
      <div className={styles.actions}>
        {STEPS_BY_STATUS[stage]!.map(([kind, label]) => (
          <Button key={kind} appearance={kind === 'propose' || kind === 'approve' ? 'primary' : 'secondary'} onClick={() => setStep(kind)}>
            {label}
          </Button>
        ))}
      </div>
      {step && <LifecycleDialog step={step} finding={detail.finding} onClose={() => setStep(null)} />}
    </section>
  );
}
