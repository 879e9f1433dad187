import { useMemo } from 'react';
import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { ReportSummary } from '../../../shared/api/reports';
import { useQuery } from '../../hooks/data';

const useStyles = makeStyles({
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(14em, 1fr))', gap: tokens.spacingHorizontalS },
  field: { minWidth: 0 },
  select: { width: '100%', minWidth: 0, '& select': { minWidth: 0, width: '100%', textOverflow: 'ellipsis' } },
});

export interface NoteLink {
  reportId: string | null;
  question: string | null;
  findingId: string | null;
}

const short = (text: string, n = 90) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

/**
 * What a note is about: a report, and within it one of its questions (or components) or one of its findings.
 * Choosing a finding takes its question too; another report clears both.
 */
export function NoteLinks({ value, reports, labels, onChange }: { value: NoteLink; reports: ReportSummary[]; labels: ReadonlyMap<string, string>; onChange: (link: NoteLink) => void }) {
  const styles = useStyles();
  const detail = useQuery('reports.get', { id: value.reportId ?? '' }, value.reportId !== null);
  const questions = useMemo(() => {
    const data = detail.data;
    if (!data) return [];
    const all = [...data.report.judgments.map((j) => j.question), ...data.findings.map((f) => f.question)].filter((q): q is string => !!q);
    return [...new Set(all)];
  }, [detail.data]);
  const findings = detail.data?.findings ?? [];
  const shownQuestions = value.question && !questions.includes(value.question) ? [value.question, ...questions] : questions;
  return (
    <div className={styles.row}>
      <Field label="Linked report" className={styles.field}>
        <Select
          className={styles.select}
          value={value.reportId ?? ''}
          onChange={(_e, d) => onChange({ reportId: d.value || null, question: null, findingId: null })}
        >
          <option value="">No report</option>
          {value.reportId && !reports.some((r) => r.id === value.reportId) && (
            // Archived or superseded since: still shown, no longer offered.
            <option value={value.reportId}>{labels.get(value.reportId) ?? 'A report no longer listed'}</option>
          )}
          {reports.map((r) => (
            <option key={r.id} value={r.id}>
              {labels.get(r.id) ?? r.title}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Linked question" className={styles.field}>
        <Select
          className={styles.select}
          value={value.question ?? ''}
          disabled={!value.reportId}
          onChange={(_e, d) => onChange({ ...value, question: d.value || null })}
        >
          <option value="">{value.reportId ? 'No question' : 'Choose a report first'}</option>
          {shownQuestions.map((q) => (
            <option key={q} value={q}>
              {short(q)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Linked finding" className={styles.field}>
        <Select
          className={styles.select}
          value={value.findingId ?? ''}
          disabled={!value.reportId}
          onChange={(_e, d) => {
            const finding = findings.find((f) => f.id === d.value);
            onChange({ ...value, findingId: finding?.id ?? null, question: finding?.question ?? value.question });
          }}
        >
          <option value="">{value.reportId ? 'No finding' : 'Choose a report first'}</option>
          {findings.map((f) => (
            <option key={f.id} value={f.id}>
              {short(f.text)}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
