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
  makeStyles,
  Switch,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useAction, useQuery } from '../../hooks/data';
import { useFocusReturn } from '../../hooks/useFocusReturn';

const useStyles = makeStyles({
  group: { display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '640px', marginTop: tokens.spacingVerticalXXL },
});

const UNAVAILABLE =
  "Only the desktop app can encrypt, using your operating system account's key store (Windows, the macOS Keychain, or a Linux keyring). It is not available here.";

/** The encryption-at-rest switch, with a confirmation that says what is encrypted, what is not, and what it ties the data to. */
export function EncryptionSettings() {
  const styles = useStyles();
  const status = useQuery('app.status', {});
  const act = useAction();
  const [asking, setAsking] = useState<boolean | null>(null);
  useFocusReturn(asking !== null);
  const [busy, setBusy] = useState(false);
  const encryption = status.data?.encryption ?? { available: false, on: false };

  async function apply(on: boolean) {
    setAsking(null);
    setBusy(true);
    await act('store.setEncryption', { on }, on ? 'Encryption at rest is on' : 'Encryption at rest is off');
    setBusy(false);
  }

  return (
    <section className={styles.group} aria-labelledby="encryption-heading">
      <Title3 as="h2" id="encryption-heading">
        Encryption at rest
      </Title3>
      <Text>
        Encrypts your tracking, annotations, corrections, notes, board papers, settings and backups on disk, so that they can be read only
        by this user account on this computer. Off by default.
      </Text>
      <Field hint={encryption.available ? undefined : UNAVAILABLE}>
        <Switch
          label="Encrypt my data at rest"
          checked={encryption.on}
          disabled={!encryption.available || busy}
          onChange={(_e, d) => setAsking(d.checked)}
        />
      </Field>
      <Dialog open={asking !== null} onOpenChange={(_e, data) => !data.open && setAsking(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{asking ? 'Turn encryption at rest on?' : 'Turn encryption at rest off?'}</DialogTitle>
            <DialogContent>
              {asking ? (
                <>
                  <p>
                    Your index, reports' tracking, annotations and corrections, notes, board papers, settings and backups will be rewritten
                    encrypted with a key kept by your operating system for this user account.
                  </p>
                  <p>
                    The imported documents and their extracted text are not encrypted: they are the inspectorate's published reports (a
                    document you imported yourself, such as a board paper, is stored the same way). Files already moved to set-aside are not
                    rewritten.
                  </p>
                  <p>
                    From then on the data can be opened only by this user account on this computer, and only in the desktop app. To move to
                    another computer, first export the whole store with "Export unencrypted" ticked.
                  </p>
                </>
              ) : (
                <p>Your data and backups will be rewritten unencrypted, readable by anyone who can open the data folder.</p>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setAsking(null)}>
                Cancel
              </Button>
              <Button appearance="primary" onClick={() => asking !== null && void apply(asking)}>
                {asking ? 'Encrypt my data' : 'Stop encrypting'}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
