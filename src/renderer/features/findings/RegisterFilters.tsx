import { forwardRef } from 'react';
import { Button, Checkbox, Field, makeStyles, SearchBox, Select, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { FINDING_KINDS } from '../../../shared/domain/extraction';
import { FINDING_STATUSES, RAGS } from '../../../shared/domain/finding';
import { FINDING_KIND_LABELS } from '../../finding-labels';
import { NO_FILTER, NONE, type FilterChoices, type Option } from './register-filter';

const useStyles = makeStyles({
  bar: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    alignItems: 'end',
    marginBottom: tokens.spacingVerticalM,
  },
  text: { gridColumn: 'span 2', minWidth: 0 },
  field: { minWidth: 0 },
  select: { minWidth: 0, width: '100%' },
  end: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

type Props = {
  value: FilterChoices;
  onChange: (next: FilterChoices) => void;
  options: { reports: Option[]; pillars: Option[]; questions: Option[]; owners: Option[] };
};

function Choice({ label, value, any, options, onChange }: { label: string; value: string; any: string; options: Option[]; onChange: (v: string) => void }) {
  const styles = useStyles();
  return (
    <Field label={label} className={styles.field}>
      <Select value={value} onChange={(_, d) => onChange(d.value)} className={styles.select}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Filters for the register; every change applies at once. */
export const RegisterFilters = forwardRef<HTMLInputElement, Props>(function RegisterFilters({ value, onChange, options }, textRef) {
  const styles = useStyles();
  const set = <K extends keyof FilterChoices>(key: K) => (v: FilterChoices[K]) => onChange({ ...value, [key]: v });
  return (
    <div className={styles.bar} role="search" aria-label="Filter the register">
      <Field label="Text (Alt+T)" className={styles.text}>
        <SearchBox ref={textRef} value={value.text} onChange={(_, d) => set('text')(d.value)} placeholder="Words in the finding, owner, progress or evidence" />
      </Field>
      <Choice label="Report" value={value.reportId} any="All reports" options={options.reports} onChange={set('reportId')} />
      <Choice label="Pillar" value={value.pillar} any="All pillars" options={options.pillars} onChange={set('pillar')} />
      <Choice label="Question" value={value.question} any="All questions" options={options.questions} onChange={set('question')} />
      <Choice
        label="Kind"
        value={value.kind}
        any="All kinds"
        options={FINDING_KINDS.map((k) => ({ value: k, label: FINDING_KIND_LABELS[k] }))}
        onChange={(v) => set('kind')(v as FilterChoices['kind'])}
      />
      <Choice
        label="Status"
        value={value.status}
        any="Any status"
        options={FINDING_STATUSES.map((s) => ({ value: s, label: s }))}
        onChange={(v) => set('status')(v as FilterChoices['status'])}
      />
      <Choice label="Owner" value={value.owner} any="Anyone" options={[{ value: NONE, label: 'No owner yet' }, ...options.owners]} onChange={set('owner')} />
      <Choice
        label="RAG"
        value={value.rag}
        any="Any RAG"
        options={[...RAGS.map((r) => ({ value: r, label: r })), { value: NONE, label: 'Not rated' }]}
        onChange={(v) => set('rag')(v as FilterChoices['rag'])}
      />
      <div className={styles.end}>
        <Checkbox label="Overdue only" checked={value.overdue} onChange={(_, d) => set('overdue')(d.checked === true)} />
        <Button icon={<DismissRegular />} appearance="subtle" onClick={() => onChange(NO_FILTER)} disabled={JSON.stringify(value) === JSON.stringify(NO_FILTER)}>
          Clear
        </Button>
      </div>
    </div>
  );
});
