import { useEffect, useState } from 'react';
import { Button, Field, Input, makeStyles, Subtitle1, Textarea, Title2, tokens } from '@fluentui/react-components';
import type { Settings } from '../../../shared/domain/paper';
import { useAction, useQuery } from '../../hooks/data';
import { BackupRestore } from './BackupRestore';
import { EncryptionSettings } from './EncryptionSettings';
import { TrackingSettingsForm } from './TrackingSettingsForm';
import { ForceLogoSetting } from './ForceLogoSetting';
import { DEFAULT_ROLE, officerName } from './profile';
import { TeamSettings } from './TeamSettings';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  group: { margin: `${tokens.spacingVerticalM} 0 0` },
});

type TextKey = 'forceName' | 'boardName' | 'author' | 'strapline' | 'contactOfficer' | 'monitoringForum' | 'oversight';

const GROUPS: { heading: string; fields: { key: TextKey; label: string; hint: string; multiline?: boolean }[] }[] = [
  {
    heading: 'Force and board',
    fields: [
      { key: 'forceName', label: 'Force', hint: 'The force whose reports you track.' },
      { key: 'boardName', label: 'Board', hint: 'Board papers are addressed "To:" this board.' },
      { key: 'author', label: 'Paper author', hint: 'Board papers are "From:" this person.' },
      { key: 'strapline', label: 'Force strapline', hint: 'Printed at the top of every board paper.', multiline: true },
      { key: 'contactOfficer', label: 'Contact officer', hint: "Listed in the paper's bibliography: your name and role unless you set someone else." },
    ],
  },
  {
    heading: 'Board papers',
    fields: [
      { key: 'monitoringForum', label: 'Where progress is monitored', hint: 'Used in paragraph 4.6 of board papers.' },
      { key: 'oversight', label: 'Strategic oversight', hint: 'Used in paragraph 4.6 of board papers.' },
    ],
  },
];

export function SettingsPage() {
  const styles = useStyles();
  const settings = useQuery('settings.get', {});
  const act = useAction();
  const [draft, setDraft] = useState<Settings | null>(null);
  useEffect(() => {
    if (settings.data) setDraft({ ...settings.data, userName: officerName(settings.data), userRole: settings.data.userRole ?? DEFAULT_ROLE });
  }, [settings.data]);
  if (!draft || !settings.data) return <Title2 as="h1">Settings</Title2>;
  const saved = { ...settings.data, userName: officerName(settings.data), userRole: settings.data.userRole ?? DEFAULT_ROLE };
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const set = (patch: Partial<Settings>) => setDraft({ ...draft, ...patch });
  return (
    <>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          const { logo: _logo, ...changes } = draft;
          // A name typed here answers the first-start question too.
          const name = draft.userName.trim();
          void act('settings.update', { ...changes, userName: name || settings.data!.userName, ...(name ? { profileSet: true } : {}) }, 'Settings saved');
        }}
      >
        <Title2 as="h1">Settings</Title2>
        <Subtitle1 as="h2" className={styles.group}>
          You
        </Subtitle1>
        <Field label="Your name" hint="Recorded against every change and progress update you make.">
          <Input value={draft.userName} placeholder="e.g. Jane Smith" onChange={(_e, d) => set({ userName: d.value })} />
        </Field>
        <Field label="Your role" hint="With your name, the contact officer in board papers.">
          <Input value={draft.userRole ?? ''} onChange={(_e, d) => set({ userRole: d.value })} />
        </Field>
        {GROUPS.map((group) => (
          <div key={group.heading} className={styles.form}>
            <Subtitle1 as="h2" className={styles.group}>
              {group.heading}
            </Subtitle1>
            {group.fields.map((f) => (
              <Field key={f.key} label={f.label} hint={f.hint}>
                {f.multiline ? (
                  <Textarea value={draft[f.key]} onChange={(_e, d) => set({ [f.key]: d.value })} />
                ) : (
                  <Input value={draft[f.key]} onChange={(_e, d) => set({ [f.key]: d.value })} />
                )}
              </Field>
            ))}
          </div>
        ))}
        <ForceLogoSetting include={draft.includeLogo !== false} onInclude={(on) => set({ includeLogo: on })} />
        <div>
          <Button appearance="primary" type="submit" disabled={!dirty}>
            Save settings
          </Button>
        </div>
      </form>
      <TrackingSettingsForm />
      <TeamSettings />
      <BackupRestore />
      <EncryptionSettings />
    </>
  );
}
