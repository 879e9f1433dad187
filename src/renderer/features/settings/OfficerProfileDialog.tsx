import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Settings } from '../../../shared/domain/paper';
import { useAction, useQuery } from '../../hooks/data';
import { contactAfter, DEFAULT_ROLE, officerName } from './profile';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/**
 * On first start (and until answered), asks who the officer is: their name goes on every change and progress
 * update, name and role on the papers' bibliography, the force and board on every paper. All editable later
 * in Settings.
 */
export function OfficerProfileDialog() {
  const settings = useQuery('settings.get', {});
  const [dismissed, setDismissed] = useState(false);
  if (!settings.data || settings.data.profileSet === true || dismissed) return null;
  return <ProfileForm settings={settings.data} onClose={() => setDismissed(true)} />;
}

function ProfileForm({ settings, onClose }: { settings: Settings; onClose: () => void }) {
  const styles = useStyles();
  const act = useAction();
  const [name, setName] = useState(officerName(settings));
  const [role, setRole] = useState(settings.userRole ?? DEFAULT_ROLE);
  const [force, setForce] = useState(settings.forceName);
  const [board, setBoard] = useState(settings.boardName);
  const [tried, setTried] = useState(false);
  const missing = name.trim() === '';
  return (
    <Dialog open modalType="alert" onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby="profile-why">
        <form
          // The name is checked here, with a message in the app's words, rather than by the browser.
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            setTried(true);
            if (missing) return;
            const result = await act(
              'settings.update',
              {
                userName: name.trim(),
                userRole: role.trim(),
                forceName: force.trim() || settings.forceName,
                boardName: board.trim() || settings.boardName,
                contactOfficer: contactAfter(settings, name, role),
                profileSet: true,
              },
              `Welcome, ${name.trim()}`,
            );
            if (result.ok) onClose();
          }}
        >
          <DialogBody>
            <DialogTitle>Who is using Liaison Desk?</DialogTitle>
            <DialogContent className={styles.form}>
              <Text id="profile-why">
                Your name is recorded against every change and progress update, and with your role it names the contact officer in board papers. You
                can change these later in Settings.
              </Text>
              <Field label="Your name" required validationMessage={tried && missing ? 'Type your name, e.g. Jane Smith.' : undefined}>
                <Input value={name} onChange={(_e, d) => setName(d.value)} autoFocus placeholder="e.g. Jane Smith" />
              </Field>
              <Field label="Your role">
                <Input value={role} onChange={(_e, d) => setRole(d.value)} />
              </Field>
              <Field label="Force">
                <Input value={force} onChange={(_e, d) => setForce(d.value)} />
              </Field>
              <Field label="Board your papers go to">
                <Input value={board} onChange={(_e, d) => setBoard(d.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit">
                Save and start
              </Button>
              <Button onClick={onClose}>Not now</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
