import { forwardRef, useId, useState, type ReactNode } from 'react';
import { Button, Checkbox, CounterBadge, Field, makeStyles, SearchBox, Select, Tag, TagGroup, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronUpRegular, DismissRegular, FilterRegular } from '@fluentui/react-icons';
import { FINDING_KINDS } from '../../../shared/domain/extraction';
import { FINDING_STATUSES, RAGS } from '../../../shared/domain/finding';
import { FINDING_KIND_LABELS } from '../../finding-labels';
import { listFiltersInUse, NO_FILTER, NONE, type FilterChoices, type FilterOptions, type Option } from './register-filter';

const useStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  text: { flexGrow: 1, maxWidth: '440px', minWidth: '220px' },
  tags: { flexWrap: 'wrap', minWidth: 0 },
  tag: { maxWidth: '260px' },
  badge: { marginLeft: tokens.spacingHorizontalXS },
  grow: { flexGrow: 1 },
  panel: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    alignItems: 'end',
    marginTop: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  field: { minWidth: 0 },
  select: { minWidth: 0, width: '100%' },
});

type Props = {
  value: FilterChoices;
  onChange: (next: FilterChoices) => void;
  options: FilterOptions;
  /** Shown at the end of the bar (the export button). */
  actions?: ReactNode;
};

type ListKey = Exclude<keyof FilterChoices, 'text' | 'overdue'>;

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

/** The lists' names, and how a chosen value reads in the bar. */
function inUse(value: FilterChoices, options: FilterOptions): Array<{ key: ListKey | 'overdue'; label: string }> {
  const named = (list: Option[], v: string) => list.find((o) => o.value === v)?.label ?? v;
  const shown: Array<{ key: ListKey | 'overdue'; label: string }> = [];
  if (value.reportId) shown.push({ key: 'reportId', label: `Report: ${named(options.reports, value.reportId)}` });
  if (value.pillar) shown.push({ key: 'pillar', label: `Pillar: ${value.pillar}` });
  if (value.question) shown.push({ key: 'question', label: `Question: ${value.question}` });
  if (value.kind) shown.push({ key: 'kind', label: `Kind: ${FINDING_KIND_LABELS[value.kind]}` });
  if (value.status) shown.push({ key: 'status', label: `Status: ${value.status}` });
  if (value.owner) shown.push({ key: 'owner', label: `Owner: ${value.owner === NONE ? 'no owner yet' : value.owner}` });
  if (value.rag) shown.push({ key: 'rag', label: `RAG: ${value.rag === NONE ? 'not rated' : value.rag}` });
  if (value.overdue) shown.push({ key: 'overdue', label: 'Overdue only' });
  return shown;
}

/**
 * The register's filters as one bar, so the table keeps the screen: the words box, a Filters button that
 * opens the lists, and each list in use as a tag that removes it. Every change applies at once.
 */
export const RegisterFilters = forwardRef<HTMLInputElement, Props>(function RegisterFilters({ value, onChange, options, actions }, textRef) {
  const styles = useStyles();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const set = <K extends keyof FilterChoices>(key: K) => (v: FilterChoices[K]) => onChange({ ...value, [key]: v });
  const count = listFiltersInUse(value);
  const tags = inUse(value, options);
  return (
    <div role="search" aria-label="Filter the register">
      <div className={styles.bar}>
        <SearchBox
          ref={textRef}
          className={styles.text}
          value={value.text}
          onChange={(_, d) => set('text')(d.value)}
          aria-label="Filter by words (Alt+T)"
          aria-keyshortcuts="Alt+T"
          placeholder="Words in the finding, owner, progress or evidence (Alt+T)"
        />
        <Button
          icon={<FilterRegular />}
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
          aria-label={count ? `Filters, ${count} in use` : 'Filters'}
        >
          Filters
          {count > 0 && <CounterBadge className={styles.badge} count={count} size="small" appearance="filled" color="brand" aria-hidden />}
          {open ? <ChevronUpRegular aria-hidden /> : <ChevronDownRegular aria-hidden />}
        </Button>
        {!open && tags.length > 0 && (
          <TagGroup
            className={styles.tags}
            aria-label="Filters in use"
            onDismiss={(_, d) => (d.value === 'overdue' ? set('overdue')(false) : set(d.value as ListKey)(''))}
          >
            {tags.map((t) => (
              <Tag key={t.key} value={t.key} size="small" dismissible aria-label={`Remove the filter ${t.label}`} className={styles.tag} title={t.label}>
                {t.label}
              </Tag>
            ))}
          </TagGroup>
        )}
        <Button icon={<DismissRegular />} appearance="subtle" onClick={() => onChange(NO_FILTER)} disabled={JSON.stringify(value) === JSON.stringify(NO_FILTER)}>
          Clear
        </Button>
        <span className={styles.grow} />
        {actions}
      </div>
      {open && (
        <div id={panelId} className={styles.panel}>
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
          <Checkbox label="Overdue only" checked={value.overdue} onChange={(_, d) => set('overdue')(d.checked === true)} />
        </div>
      )}
    </div>
  );
});
