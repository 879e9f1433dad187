import { useState } from 'react';
import { Button, Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, Text, Title3, tokens } from '@fluentui/react-components';
import type { TeamPreview } from '../../../shared/api/sync';
import { call } from '../../api/client';
import { useAction, useErrorToast, useQuery } from '../../hooks/data';
import { formatDateTime } from '../../format';
import { TeamKeptList } from './TeamKeptList';
import { TeamPreviewView } from './TeamPreviewView';
import { teamStatusWords } from './team-words';

const useStyles = makeStyles({
  group: { display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '640px', marginTop: tokens.spacingVerticalXXL },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/**
 * Settings → Team: where the team's CouchDB database is and who you are there; a preview of what
 * joining changes; then the status, your roles, the tags that share notes and annotations, and the
 * team's list of things that need a decision.
 */
export function TeamSettings() {
  const styles = useStyles();
  const status = useQuery('sync.status', {});
  const act = useAction();
  const showError = useErrorToast();
  const s = status.data;
  const [form, setForm] = useState({ server: '', database: 'liaison', user: '', password: '' });
  const [remember, setRemember] = useState(true);
  const [preview, setPreview] = useState<TeamPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [tags, setTags] = useState<string | null>(null);
  const address = { server: s?.server ?? form.server, database: s?.database ?? form.database, user: s?.user ?? form.user };

  async function check() {
    setBusy(true);
    const result = await call('sync.preview', { ...form });
    setBusy(false);
    if (result.ok) setPreview(result.value);
    else showError(result.error.message);
  }
  async function start() {
    setBusy(true);
    const result = await act('sync.enable', { ...form, remember }, 'Working as a team');
    setBusy(false);
    if (result.ok) {
      setPreview(null);
      setForm({ ...form, password: '' });
    }
  }
  const set = (key: keyof typeof form) => (_e: unknown, d: { value: string }) => {
    setForm({ ...form, [key]: d.value });
    setPreview(null);
  };

  return (
    <section className={styles.group} aria-labelledby="team-heading">
      <Title3 as="h2" id="team-heading">
        Team
      </Title3>
      <Text>
        Share the register, reports, board papers and team settings with colleagues through your force’s CouchDB server. Everything is saved
        on this computer first and sent when the server can be reached. Notes and annotations stay private unless you share them.
      </Text>
      {s?.unavailable && (
        <MessageBar intent="info">
          <MessageBarBody>{s.unavailable}</MessageBarBody>
        </MessageBar>
      )}
      {s && !s.on && !s.unavailable && (
        <form
          className={styles.group}
          onSubmit={(e) => {
            e.preventDefault();
            void check();
          }}
        >
          <Field label="Server address" hint="For example https://couchdb.force.police.uk:6984 (plain http only to this computer, for trials).">
            <Input value={form.server} onChange={set('server')} required />
          </Field>
          <Field label="Team database">
            <Input value={form.database} onChange={set('database')} required />
          </Field>
          <Field label="Your user name on the server">
            <Input value={form.user} onChange={set('user')} required autoComplete="username" />
          </Field>
          <Field label="Password" hint={s.remembersPassword ? undefined : 'Asked for again each time the app starts (no key store here).'}>
            <Input type="password" value={form.password} onChange={set('password')} required autoComplete="current-password" />
          </Field>
          {s.remembersPassword && (
            <Checkbox label="Remember the password on this computer (kept by the operating system’s key store)" checked={remember} onChange={(_e, d) => setRemember(d.checked === true)} />
          )}
          <div className={styles.row}>
            <Button type="submit" disabled={busy || !form.server || !form.user || !form.password}>
              Check and show what will change
            </Button>
          </div>
          {preview && (
            <>
              {preview.plainHttp && (
                <MessageBar intent="warning">
                  <MessageBarBody>Plain http to this computer: fine for a trial, but use https for a real team.</MessageBarBody>
                </MessageBar>
              )}
              <TeamPreviewView preview={preview} />
              <div className={styles.row}>
                <Button appearance="primary" disabled={busy} onClick={() => void start()}>
                  Start working as a team
                </Button>
              </div>
            </>
          )}
        </form>
      )}
      {s?.on && (
        <>
          <Text data-testid="team-state">
            {teamStatusWords(s) ?? ''} · {address.user} on {address.server}/{address.database}
            {s.lastSyncedAt ? ` · last synced ${formatDateTime(s.lastSyncedAt)}` : ''}
          </Text>
          {s.plainHttp && <Text>Plain http to this computer (trials only).</Text>}
          <Text>Your roles: {s.roles.length ? s.roles.join(', ') : 'member only'}. Only an approver can close a finding; only an officer can change the team settings.</Text>
          {s.state === 'needs-password' && (
            <form
              className={styles.row}
              onSubmit={(e) => {
                e.preventDefault();
                void act('sync.password', { password: form.password, remember }, 'Connected to the team');
              }}
            >
              <Field label="Password">
                <Input type="password" value={form.password} onChange={set('password')} required autoComplete="current-password" />
              </Field>
              <Button type="submit">Connect</Button>
            </form>
          )}
          {[...s.refusals, ...s.notApplied].map((line) => (
            <MessageBar key={line} intent="warning">
              <MessageBarBody>{line}</MessageBarBody>
            </MessageBar>
          ))}
          <Field label="Share notes and annotations with these tags" hint="Separate tags with commas. Others are private unless shared one by one.">
            <Input value={tags ?? s.sharedTags.join(', ')} onChange={(_e, d) => setTags(d.value)} />
          </Field>
          <div className={styles.row}>
            <Button
              disabled={tags === null}
              onClick={() => {
                void act('sync.sharedTags', { tags: (tags ?? '').split(',').map((t) => t.trim()).filter(Boolean) }, 'Shared tags saved');
                setTags(null);
              }}
            >
              Save shared tags
            </Button>
            <Button disabled={s.state === 'needs-password'} onClick={() => void act('sync.now', {}, 'Synced')}>
              Sync now
            </Button>
            <Button onClick={() => void act('sync.disable', {}, 'Team working is off')}>Stop working as a team</Button>
          </div>
          <TeamKeptList />
        </>
      )}
    </section>
  );
}
