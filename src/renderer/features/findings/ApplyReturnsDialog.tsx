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
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowImportRegular } from '@fluentui/react-icons';
import type { IncomingFile } from '../../../shared/api/files';
import type { ReturnRow, ReturnsPreview } from '../../../shared/domain/update-request';
import { call } from '../../api/client';
import { fileToBase64 } from '../../api/files';
import { useAction, useErrorToast } from '../../hooks/data';
import { formatDate } from '../../format';
import { useFocusReturn } from '../../hooks/useFocusReturn';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(1200px, 96vw)', width: '96vw' },
  content: { display: 'grid', gap: tokens.spacingVerticalM, maxHeight: '70vh', overflow: 'auto' },
  bad: { color: tokens.colorPaletteRedForeground1 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  small: { fontSize: tokens.fontSizeBase200 },
  bar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

const keyOf = (r: ReturnRow) => `${r.requestId}:${r.reference}`;
const usable = (r: ReturnRow) => !r.appliedAt && r.problems.length === 0;

/** "Apply returned workbooks": read one or many, review every row (accept all, or row by row; conflicts only when ticked), then apply. */
export function ApplyReturnsDialog() {
  const styles = useStyles();
  const act = useAction();
  const showError = useErrorToast();
  const picker = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<IncomingFile[]>([]);
  const [preview, setPreview] = useState<ReturnsPreview | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [overrides, setOverrides] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  useFocusReturn(preview !== null || outcome !== null);

  const read = async (list: FileList) => {
    setBusy(true);
    setOutcome(null);
    const incoming = await Promise.all([...list].map(async (f) => ({ fileName: f.name, dataBase64: await fileToBase64(f) })));
    const result = await call('requests.preview', { files: incoming });
    setBusy(false);
    if (!result.ok) return showError(result.error.message);
    setFiles(incoming);
    setPreview(result.value);
    const rows = result.value.workbooks.flatMap((wb) => wb.rows);
    setChosen(new Set(rows.filter((r) => usable(r) && r.conflicts.length === 0).map(keyOf)));
    setOverrides(new Set());
  };
  const rows = preview?.workbooks.flatMap((wb) => wb.rows) ?? [];
  const toggle = (set: Set<string>, key: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(key);
    else next.delete(key);
    return next;
  };
  const apply = async () => {
    setBusy(true);
    const accept = rows.filter((r) => chosen.has(keyOf(r))).map((r) => ({ requestId: r.requestId, reference: r.reference, overrideConflict: overrides.has(keyOf(r)) }));
    const result = await act('requests.apply', { files, accept }, 'Returned updates applied');
    setBusy(false);
    if (!result.ok) return;
    const s = result.value;
    const parts = [
      `${s.applied.length} row${s.applied.length === 1 ? '' : 's'} applied`,
      s.skipped.length ? `not applied: ${s.skipped.map((x) => `${x.reference} (${x.reason})`).join('; ')}` : '',
      s.refused.length ? `refused: ${s.refused.map((x) => `${x.fileName} (${x.reason})`).join('; ')}` : '',
    ];
    setOutcome(`${parts.filter(Boolean).join('; ')}.`);
    setPreview(null);
    setFiles([]);
  };
  const close = () => {
    setPreview(null);
    setFiles([]);
    setOutcome(null);
  };
  return (
    <>
      <Button icon={<ArrowImportRegular />} disabled={busy} onClick={() => picker.current?.click()}>
        Apply returned workbooks…
      </Button>
      <input
        ref={picker}
        type="file"
        accept=".xlsx"
        multiple
        hidden
        aria-hidden="true"
        tabIndex={-1}
        data-testid="returns-input"
        onChange={(e) => {
          const list = e.target.files;
          if (list?.length) void read(list).finally(() => (e.target.value = ''));
        }}
      />
      <Dialog open={preview !== null || outcome !== null} onOpenChange={(_e, d) => !d.open && close()}>
        <DialogSurface className={styles.surface}>
          <DialogBody>
            <DialogTitle>{outcome ? 'Returned updates' : 'Review the returned updates'}</DialogTitle>
            <DialogContent className={styles.content}>
              {outcome && <Text role="status">{outcome}</Text>}
              {preview?.workbooks.map((wb) => (
                <section key={wb.fileName} aria-label={wb.fileName}>
                  <h3>
                    {wb.fileName}
                    {wb.owner ? ` — ${wb.owner}` : ''}
                    {wb.requestDate ? `, request of ${formatDate(wb.requestDate)}` : ''}
                  </h3>
                  {wb.refused && (
                    <MessageBar intent="error">
                      <MessageBarBody>{wb.refused}</MessageBarBody>
                    </MessageBar>
                  )}
                  {wb.warnings.map((w) => (
                    <MessageBar key={w} intent="warning">
                      <MessageBarBody>{w}</MessageBarBody>
                    </MessageBar>
                  ))}
                  {!wb.refused && wb.rows.length === 0 && <Text>No row was filled in ({wb.unchanged} left empty).</Text>}
                  {wb.rows.length > 0 && (
                    <Table size="small" aria-label={`Rows of ${wb.fileName}`}>
                      <TableHeader>
                        <TableRow>
                          <TableHeaderCell>Apply</TableHeaderCell>
                          <TableHeaderCell>Finding</TableHeaderCell>
                          <TableHeaderCell>Progress update</TableHeaderCell>
                          <TableHeaderCell>Changes</TableHeaderCell>
                          <TableHeaderCell>Check</TableHeaderCell>
                        </TableRow>
                      </TableHeader>
                      <TableBody>
                        {wb.rows.map((r) => {
                          const key = keyOf(r);
                          return (
                            <TableRow key={key} data-testid="return-row">
                              <TableCell>
                                <Checkbox
                                  aria-label={`Apply ${r.reference}`}
                                  disabled={!usable(r)}
                                  checked={chosen.has(key)}
                                  onChange={(_e, d) => setChosen(toggle(chosen, key, d.checked === true))}
                                />
                              </TableCell>
                              <TableCell>
                                <Text block weight="semibold">
                                  {r.reference}
                                </Text>
                                <Text block className={styles.small}>
                                  {r.findingText.length > 120 ? `${r.findingText.slice(0, 119)}…` : r.findingText}
                                </Text>
                              </TableCell>
                              <TableCell>{r.progress ? `${formatDate(r.progress.on)}: ${r.progress.text}` : '—'}</TableCell>
                              <TableCell className={styles.small}>
                                {[
                                  r.status ? `Status: ${r.status.from} → ${r.status.to}` : '',
                                  r.due ? `Target date: ${formatDate(r.due.from)} → ${formatDate(r.due.to)}` : '',
                                  r.evidence.length ? `Evidence: ${r.evidence.join('; ')}` : '',
                                ]
                                  .filter(Boolean)
                                  .join(' · ') || '—'}
                              </TableCell>
                              <TableCell className={styles.small}>
                                {r.appliedAt && <Text block>Already applied on {formatDate(r.appliedAt)}.</Text>}
                                {r.problems.map((p) => (
                                  <Text block key={p} className={styles.bad}>
                                    {p}
                                  </Text>
                                ))}
                                {r.conflicts.map((c) => (
                                  <Text block key={c} className={styles.warn}>
                                    Conflict: {c}
                                  </Text>
                                ))}
                                {r.conflicts.length > 0 && usable(r) && (
                                  <Checkbox
                                    label="Apply anyway, over the later change"
                                    checked={overrides.has(key)}
                                    onChange={(_e, d) => {
                                      const on = d.checked === true;
                                      setOverrides(toggle(overrides, key, on));
                                      setChosen(toggle(chosen, key, on));
                                    }}
                                  />
                                )}
                                {usable(r) && r.conflicts.length === 0 && 'Ready'}
                              </TableCell>
                            </TableRow>
                          );
                        })}
                      </TableBody>
                    </Table>
                  )}
                </section>
              ))}
            </DialogContent>
            <DialogActions className={styles.bar}>
              {preview && (
                <>
                  <Button onClick={() => setChosen(new Set(rows.filter((r) => usable(r) && (r.conflicts.length === 0 || overrides.has(keyOf(r)))).map(keyOf)))}>
                    Accept all
                  </Button>
                  <Button appearance="primary" disabled={busy || chosen.size === 0} onClick={() => void apply()}>
                    Apply {chosen.size} row{chosen.size === 1 ? '' : 's'}
                  </Button>
                </>
              )}
              <Button onClick={close}>{outcome ? 'Close' : 'Cancel'}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
