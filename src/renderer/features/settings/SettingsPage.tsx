import { useEffect, useState } from 'react';
import { Button, Field, Input, makeStyles, Switch, Textarea, Title2, tokens } from '@fluentui/react-components';
import type { Settings } from '../../../shared/domain/paper';
import { useAction, useQuery } from '../../hooks/data';
import { BackupRestore } from './BackupRestore';
import { EncryptionSettings } from './EncryptionSettings';
import { TeamSettings } from './TeamSettings';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '640px' },
});

const FIELDS: { key: Exclude<keyof Settings, 'includeLogo'>; label: string; hint: string; multiline?: boolean }[] = [
  { key: 'userName', label: 'Your name', hint: 'Recorded against every change and progress update you make.' },
  { key: 'forceName', label: 'Force', hint: 'The force whose reports you track.' },
  { key: 'boardName', label: 'Board', hint: 'Board papers are addressed "To:" this board.' },
  { key: 'author', label: 'Paper author', hint: 'Board papers are "From:" this person.' },
  { key: 'strapline', label: 'Force strapline', hint: 'Printed at the top of every board paper.', multiline: true },
  { key: 'contactOfficer', label: 'Contact officer', hint: "Listed in the paper's bibliography." },
  { key: 'monitoringForum', label: 'Where progress is monitored', hint: 'Used in paragraph 4.6 of board papers.' },
  { key: 'oversight', label: 'Strategic oversight', hint: 'Used in paragraph 4.6 of board papers.' },
];

export function SettingsPage() {
  const styles = useStyles();
  const settings = useQuery('settings.get', {});
  const act = useAction();
  const [draft, setDraft] = useState<Settings | null>(null);
  useEffect(() => {
    if (settings.data) setDraft(settings.data);
  }, [settings.data]);
  if (!draft) return <Title2 as="h1">Settings</Title2>;
  const dirty = JSON.stringify(draft) !== JSON.stringify(settings.data);
  return (
    <>
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void act('settings.update', draft, 'Settings saved');
      }}
    >
      <Title2 as="h1">Settings</Title2>
      {FIELDS.map((f) => (
        <Field key={f.key} label={f.label} hint={f.hint}>
          {f.multiline ? (
            <Textarea value={draft[f.key]} onChange={(_e, d) => setDraft({ ...draft, [f.key]: d.value })} />
          ) : (
            <Input value={draft[f.key]} onChange={(_e, d) => setDraft({ ...draft, [f.key]: d.value })} />
          )}
        </Field>
      ))}
      <Field hint="The logo in resources/logo.png, in the header of every board paper.">
        <Switch
          label="Include the force logo"
          checked={draft.includeLogo !== false}
          onChange={(_e, d) => setDraft({ ...draft, includeLogo: d.checked })}
        />
      </Field>
      <div>
        <Button appearance="primary" type="submit" disabled={!dirty}>
          Save settings
        </Button>
      </div>
    </form>
    <TeamSettings />
    <BackupRestore />
    <EncryptionSettings />
    </>
  );
}
