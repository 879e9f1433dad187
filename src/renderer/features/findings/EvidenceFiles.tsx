import { useRef, useState } from 'react';
import { Button, Field, makeStyles, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, AttachRegular, DeleteRegular, OpenRegular } from '@fluentui/react-icons';
import { EVIDENCE_ACCEPT, MAX_EVIDENCE_BYTES } from '../../../shared/domain/evidence-limits';
import { compareProgress, progressDate, type Finding } from '../../../shared/domain/finding';
import { fileToBase64, finishSave } from '../../api/files';
import { transportName } from '../../api/client';
import { useAction, useErrorToast } from '../../hooks/data';
import { formatBytes, formatDate } from '../../format';

const useStyles = makeStyles({
  add: { display: 'flex', alignItems: 'end', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', marginTop: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS },
});

/** Evidence as files: listed with name, size and date, opened in the system's own app (desktop) or downloaded (browser), attached and removed. */
export function EvidenceFiles({ finding }: { finding: Finding }) {
  const styles = useStyles();
  const act = useAction();
  const showError = useErrorToast();
  const picker = useRef<HTMLInputElement>(null);
  const [progressId, setProgressId] = useState('');
  const [busy, setBusy] = useState(false);
  const t = finding.tracking;
  const updates = [...t.progress].sort(compareProgress);
  const updateLabel = (id: string | null) => {
    const p = id ? t.progress.find((x) => x.id === id) : undefined;
    return p ? `Update of ${formatDate(progressDate(p))}` : 'The finding';
  };
  const attach = async (file: File) => {
    if (file.size > MAX_EVIDENCE_BYTES) {
      showError(`“${file.name}” is ${formatBytes(file.size)}; an evidence file can be at most ${formatBytes(MAX_EVIDENCE_BYTES)}.`);
      return;
    }
    setBusy(true);
    await act('evidence.attach', { id: finding.id, progressId: progressId || null, file: { fileName: file.name, dataBase64: await fileToBase64(file) } }, `Attached ${file.name}`);
    setBusy(false);
  };
  const open = async (attachmentId: string, mode: 'open' | 'save') => {
    const result = await act('evidence.open', { id: finding.id, attachmentId, mode });
    if (result.ok && result.value.status !== 'opened') finishSave(result.value);
  };
  const desktop = transportName === 'ipc';
  return (
    <div>
      <h4>Files</h4>
      {t.attachments.length === 0 ? (
        <Text as="p">No files attached yet.</Text>
      ) : (
        <Table size="small" aria-label="Evidence files">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>File</TableHeaderCell>
              <TableHeaderCell>Size</TableHeaderCell>
              <TableHeaderCell>Added</TableHeaderCell>
              <TableHeaderCell>Supports</TableHeaderCell>
              <TableHeaderCell>Actions</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {t.attachments.map((a) => (
              <TableRow key={a.id}>
                <TableCell>{a.name}</TableCell>
                <TableCell>{formatBytes(a.size)}</TableCell>
                <TableCell>
                  {formatDate(a.addedAt)} · {a.by}
                </TableCell>
                <TableCell>{updateLabel(a.progressId)}</TableCell>
                <TableCell>
                  <div className={styles.actions}>
                    {desktop && (
                      <Button size="small" icon={<OpenRegular />} aria-label={`Open ${a.name}`} onClick={() => void open(a.id, 'open')}>
                        Open
                      </Button>
                    )}
                    <Button size="small" icon={<ArrowDownloadRegular />} aria-label={`${desktop ? 'Save a copy of' : 'Download'} ${a.name}`} onClick={() => void open(a.id, 'save')}>
                      {desktop ? 'Save a copy' : 'Download'}
                    </Button>
                    <Button
                      size="small"
                      appearance="subtle"
                      icon={<DeleteRegular />}
                      aria-label={`Remove ${a.name}`}
                      onClick={() => void act('evidence.remove', { id: finding.id, attachmentId: a.id }, `Removed ${a.name}`)}
                    />
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <div className={styles.add}>
        {updates.length > 0 && (
          <Field label="The file supports">
            <Select value={progressId} onChange={(_e, d) => setProgressId(d.value)}>
              <option value="">The finding as a whole</option>
              {updates.map((p) => (
                <option key={p.id} value={p.id}>
                  {updateLabel(p.id)}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Button icon={<AttachRegular />} disabled={busy} onClick={() => picker.current?.click()}>
          {busy ? 'Attaching…' : 'Attach a file…'}
        </Button>
        <Text size={200}>PDF, Word, Excel, images or emails (.msg, .eml), up to {formatBytes(MAX_EVIDENCE_BYTES)}</Text>
      </div>
      <input
        ref={picker}
        type="file"
        accept={EVIDENCE_ACCEPT}
        hidden
        aria-hidden="true"
        tabIndex={-1}
        data-testid="evidence-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void attach(file);
        }}
      />
    </div>
  );
}
