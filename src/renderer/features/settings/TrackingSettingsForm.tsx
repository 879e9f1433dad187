import { useEffect, useState } from 'react';
import { Button, Checkbox, Field, makeStyles, SpinButton, Switch, Text, Title3, tokens } from '@fluentui/react-components';
import { describeRagRules, type TrackingSettings } from '../../../shared/domain/tracking-settings';
import { useAction, useQuery } from '../../hooks/data';

const useStyles = makeStyles({
  group: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '640px', marginTop: tokens.spacingVerticalXXL },
  rule: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  days: { width: '90px' },
  words: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

function Days({ label, value, onChange, disabled, min = 1 }: { label: string; value: number; onChange: (n: number) => void; disabled?: boolean; min?: number }) {
  const styles = useStyles();
  return (
    <SpinButton
      className={styles.days}
      aria-label={label}
      min={min}
      max={3650}
      value={value}
      disabled={disabled}
      onChange={(_e, d) => {
        const n = d.value ?? Number(d.displayValue);
        if (Number.isInteger(n) && n >= min && n <= 3650) onChange(n);
      }}
    />
  );
}

/** Settings → RAG rules and reminders: the rules shown in words as they are edited, the reminder notice period and the calendar alarm. */
export function TrackingSettingsForm() {
  const styles = useStyles();
  const saved = useQuery('tracking.settings', {});
  const act = useAction();
  const [draft, setDraft] = useState<TrackingSettings | null>(null);
  useEffect(() => {
    if (saved.data) setDraft(saved.data.settings);
  }, [saved.data]);
  if (!draft) return null;
  const { rag, reminders } = draft;
  const setRag = (patch: Partial<TrackingSettings['rag']>) => setDraft({ ...draft, rag: { ...rag, ...patch } });
  const setReminders = (patch: Partial<TrackingSettings['reminders']>) => setDraft({ ...draft, reminders: { ...reminders, ...patch } });
  const words = describeRagRules(rag);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved.data?.settings);
  return (
    <form
      className={styles.group}
      aria-labelledby="rag-rules-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void act('tracking.updateSettings', draft, 'RAG rules and reminders saved');
      }}
    >
      <Title3 as="h2" id="rag-rules-heading">
        RAG rules and reminders
      </Title3>
      <Text>Each open finding is rated by these rules unless you rate it by hand in its panel, which then says so.</Text>
      <div className={styles.rule}>
        <Checkbox label="Red when its target date has passed" checked={rag.redWhenOverdue} onChange={(_e, d) => setRag({ redWhenOverdue: d.checked === true })} />
      </div>
      <div className={styles.rule}>
        <Checkbox label="Red when it has no owner" checked={rag.redNoOwnerDays !== null} onChange={(_e, d) => setRag({ redNoOwnerDays: d.checked ? 30 : null })} />
        <Days label="Days after publication for an owner" value={rag.redNoOwnerDays ?? 30} disabled={rag.redNoOwnerDays === null} onChange={(n) => setRag({ redNoOwnerDays: n })} />
        <Text>days after the report was published</Text>
      </div>
      <div className={styles.rule}>
        <Checkbox label="Amber when it is due within" checked={rag.amberDueWithinDays !== null} onChange={(_e, d) => setRag({ amberDueWithinDays: d.checked ? 30 : null })} />
        <Days label="Days before the target date" value={rag.amberDueWithinDays ?? 30} disabled={rag.amberDueWithinDays === null} onChange={(n) => setRag({ amberDueWithinDays: n })} />
        <Text>days</Text>
      </div>
      <div className={styles.rule}>
        <Checkbox label="and has had no progress update for" checked={rag.amberNoUpdateDays !== null} onChange={(_e, d) => setRag({ amberNoUpdateDays: d.checked ? 60 : null })} />
        <Days label="Days without a progress update" value={rag.amberNoUpdateDays ?? 60} disabled={rag.amberNoUpdateDays === null} onChange={(n) => setRag({ amberNoUpdateDays: n })} />
        <Text>days</Text>
      </div>
      <div role="status" aria-label="The rules in words" data-testid="rag-rules-words">
        <Text weight="semibold">In words:</Text>
        <ul className={styles.words}>
          <li>Red when {words.Red.length ? words.Red.join(', or when ') : 'never (no Red rule is on)'}.</li>
          <li>Amber when {words.Amber.length ? words.Amber[0] : 'never (no Amber rule is on)'}.</li>
          <li>Green {words.Green}.</li>
          <li>Closed, superseded and no-further-action findings have no RAG.</li>
        </ul>
      </div>
      <Field>
        <Switch label="Remind me of findings overdue or due soon (on start and once a day)" checked={reminders.enabled} onChange={(_e, d) => setReminders({ enabled: d.checked })} />
      </Field>
      <div className={styles.rule}>
        <Text>Notice period: remind me</Text>
        <Days label="Notice period in days" value={reminders.noticeDays} onChange={(n) => setReminders({ noticeDays: n })} />
        <Text>days before a target date</Text>
      </div>
      <div className={styles.rule}>
        <Text>Calendar export: an alarm</Text>
        <Days label="Calendar alarm, days before" min={0} value={reminders.alarmDaysBefore} onChange={(n) => setReminders({ alarmDaysBefore: Math.min(365, n) })} />
        <Text>days before each target date</Text>
      </div>
      <div>
        <Button appearance="primary" type="submit" disabled={!dirty}>
          Save RAG rules and reminders
        </Button>
      </div>
    </form>
  );
}
