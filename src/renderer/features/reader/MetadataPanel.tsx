import { useState } from 'react';
import { Button, Caption1, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { MetaChanges } from '../../../shared/api/review';
import type { ReportSummary } from '../../../shared/api/reports';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../shared/domain/extraction';
import type { Report } from '../../../shared/domain/report';
import { KIND_LABELS } from '../../kind-labels';
import { useReportLabels } from '../reports/useReportLabels';

const useStyles = makeStyles({
  form: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: tokens.spacingVerticalM },
  wide: { gridColumn: '1 / -1' },
  // A long file name goes onto its own line rather than squeezing the buttons until their labels wrap.
  actions: { gridColumn: '1 / -1', display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  source: { minWidth: 0, overflowWrap: 'anywhere' },
});

type TextField = 'title' | 'force' | 'inspectorate' | 'programme' | 'inspectionType' | 'period' | 'published' | 'webAddress';

const FIELDS: { key: TextField; label: string; hint?: string; type?: 'date' | 'url'; wide?: boolean }[] = [
  { key: 'title', label: 'Title', wide: true },
  { key: 'force', label: 'Force' },
  { key: 'inspectorate', label: 'Inspectorate', hint: 'HMIC before July 2017, HMICFRS since' },
  { key: 'programme', label: 'Programme', hint: 'e.g. PEEL' },
  { key: 'inspectionType', label: 'Inspection type', hint: 'e.g. Legitimacy, Integrated' },
  { key: 'period', label: 'Period', hint: 'e.g. 2016 or 2018/19' },
  { key: 'published', label: 'Published', type: 'date' },
  { key: 'webAddress', label: 'Web address', type: 'url', wide: true },
];

/** Every metadata field of the document, editable; only changed fields are sent (and recorded as corrections). */
export function MetadataPanel({ report, reports, corrected, onSave }: {
  report: Report;
  reports: ReportSummary[];
  corrected: ReadonlySet<string>;
  onSave: (changes: MetaChanges) => Promise<boolean>;
}) {
  const styles = useStyles();
  const labels = useReportLabels();
  const initial = { ...Object.fromEntries(FIELDS.map((f) => [f.key, report[f.key] ?? ''])), kind: report.kind, aboutReportId: report.aboutReportId ?? '' };
  const [values, setValues] = useState<Record<string, string>>(initial);
  const changes: MetaChanges = {};
  for (const f of FIELDS) {
    const value = (values[f.key] ?? '').trim();
    if (value !== (report[f.key] ?? '')) (changes as Record<string, string | null>)[f.key] = value || null;
  }
  if (values.kind !== report.kind) changes.kind = values.kind as DocumentKind;
  if ((values.aboutReportId || null) !== report.aboutReportId) changes.aboutReportId = values.aboutReportId || null;
  const dirty = Object.keys(changes).length > 0;
  const titleMissing = !(values.title ?? '').trim();
  const hint = (key: string, text?: string) => [corrected.has(key) ? 'Corrected by you.' : null, text].filter(Boolean).join(' ') || undefined;
  return (
    <form
      className={styles.form}
      aria-label="Document details"
      onSubmit={async (e) => {
        e.preventDefault();
        if (dirty && !titleMissing) await onSave(changes);
      }}
    >
      {FIELDS.map((f) => (
        <Field key={f.key} label={f.label} hint={hint(f.key, f.hint)} className={f.wide ? styles.wide : undefined} validationMessage={f.key === 'title' && titleMissing ? 'A title is needed.' : undefined}>
          <Input type={f.type ?? 'text'} value={values[f.key] ?? ''} onChange={(_e, d) => setValues((v) => ({ ...v, [f.key]: d.value }))} />
        </Field>
      ))}
      <Field label="Kind of document" hint={hint('kind')}>
        <Select value={values.kind} onChange={(_e, d) => setValues((v) => ({ ...v, kind: d.value }))}>
          {DOCUMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="About the report" hint={hint('aboutReportId', 'For a press release, transcript or board paper')}>
        <Select value={values.aboutReportId} onChange={(_e, d) => setValues((v) => ({ ...v, aboutReportId: d.value }))}>
          <option value="">None</option>
          {reports
            .filter((r) => r.id !== report.id && r.kind === 'inspection-report')
            .map((r) => (
              <option key={r.id} value={r.id}>
                {labels.get(r.id) ?? r.title}
              </option>
            ))}
        </Select>
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={!dirty || titleMissing}>
          Save details
        </Button>
        <Button disabled={!dirty} onClick={() => setValues(initial)}>
          Undo changes
        </Button>
        <Caption1 className={styles.source}>Imported from {report.fileName}</Caption1>
      </div>
    </form>
  );
}
