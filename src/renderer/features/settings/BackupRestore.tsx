import { useRef, useState } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { ArchiveRegular, ArrowUploadRegular } from '@fluentui/react-icons';
import { fileToBase64, finishSave } from '../../api/files';
import { useAction, useQuery } from '../../hooks/data';
import { useFocusReturn } from '../../hooks/useFocusReturn';

const useStyles = makeStyles({
  group: { display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '640px', marginTop: tokens.spacingVerticalXXL },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

/** Export the whole store to one archive file, and restore one, with a confirmation that says what happens. */
export function BackupRestore() {
  const styles = useStyles();
  const act = useAction();
  const picker = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<File | null>(null);
  useFocusReturn(chosen !== null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [unencrypted, setUnencrypted] = useState(false);
  const encrypted = useQuery('app.status', {}).data?.encryption.on === true;

  async function exportStore() {
    setBusy(true);
    setStatus('Exporting…');
    const result = await act('store.exportArchive', { unencrypted: encrypted && unencrypted });
    setBusy(false);
    const saved = result.ok ? finishSave(result.value) : null;
    setStatus(saved ? `The whole store was exported to ${saved}.` : '');
  }

  async function restore(file: File) {
    setChosen(null);
    setBusy(true);
    setStatus(`Checking and restoring ${file.name}…`);
    const result = await act('store.restoreArchive', { fileName: file.name, dataBase64: await fileToBase64(file) }, 'Store restored');
    setBusy(false);
    setStatus(
      result.ok
        ? `Restored ${result.value.reports} reports and ${result.value.notes} notes from ${file.name}. The previous contents are in ${result.value.setAsideAs} in the data folder.`
        : '',
    );
  }

  return (
    <section className={styles.group} aria-labelledby="backup-restore-heading">
      <Title3 as="h2" id="backup-restore-heading">
        Backup and restore
      </Title3>
      <Text>
        Liaison Desk keeps a backup of your reports, tracking and notes for each of the last 14 days in the data folder. To keep a
        copy elsewhere or move to a new computer, export the whole store, documents included, to one archive file.
      </Text>
      {encrypted && (
        <Checkbox
          label="Export unencrypted (to move to another computer)"
          checked={unencrypted}
          onChange={(_e, d) => setUnencrypted(d.checked === true)}
        />
      )}
      <div className={styles.buttons}>
        <Button icon={<ArchiveRegular />} disabled={busy} onClick={() => void exportStore()}>
          Export the whole store…
        </Button>
        <Button icon={<ArrowUploadRegular />} disabled={busy} onClick={() => picker.current?.click()}>
          Restore from an archive…
        </Button>
      </div>
      <input
        ref={picker}
        type="file"
        accept=".ldarchive"
        hidden
        aria-hidden="true"
        tabIndex={-1}
        data-testid="restore-input"
        onChange={(e) => {
          const file = e.target.files?.[0] ?? null;
          e.target.value = '';
          setChosen(file);
        }}
      />
      <Text role="status">{status}</Text>
      <Dialog open={chosen !== null} onOpenChange={(_e, data) => !data.open && setChosen(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Restore from {chosen?.name}?</DialogTitle>
            <DialogContent>
              <p>
                Every report, finding, note, board paper and setting now in Liaison Desk will be replaced by the contents of this archive.
              </p>
              <p>
                The archive is checked in full first: if any part of it is damaged, nothing changes. Your current data is not deleted: it is
                moved to a folder named before-restore, inside set-aside in the data folder.
              </p>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setChosen(null)}>
                Cancel
              </Button>
              <Button appearance="primary" onClick={() => chosen && void restore(chosen)}>
                Replace my data with the archive
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
