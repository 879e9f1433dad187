import { useDeferredValue, useMemo, type RefObject } from 'react';
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { filterRegister } from '../../../shared/domain/register';
import type { RegisterRow, RegisterSort } from '../../../shared/domain/views';
import { ExportRegisterButton } from '../papers/ExportRegisterButton';
import { RegisterFilters } from './RegisterFilters';
import { RegisterTable } from './RegisterTable';
import { filterOptions, toRegisterFilter, type FilterChoices } from './register-filter';
import { useReportLabels } from '../reports/useReportLabels';
import { localToday } from './tracking-labels';

const useStyles = makeStyles({
  summary: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalS },
  grow: { flexGrow: 1 },
});

type Props = {
  rows: RegisterRow[];
  choices: FilterChoices;
  onChoices: (next: FilterChoices) => void;
  sort: RegisterSort;
  onSort: (sort: RegisterSort) => void;
  onOpen: (findingId: string) => void;
  selectedId: string | null;
  textRef: RefObject<HTMLInputElement | null>;
};

/** Filters and sorts in the window with the same function main uses, so the list follows each key press. */
export function RegisterTab({ rows, choices, onChoices, sort, onSort, onOpen, selectedId, textRef }: Props) {
  const styles = useStyles();
  const labels = useReportLabels();
  const options = useMemo(() => filterOptions(rows, labels), [rows, labels]);
  const filter = useMemo(() => toRegisterFilter(choices), [choices]);
  // Typing stays responsive with a large register: the list catches up a frame later if it must.
  const deferredFilter = useDeferredValue(filter);
  const shown = useMemo(() => filterRegister(rows, deferredFilter, sort, localToday()), [rows, deferredFilter, sort]);
  const exportFilter = {
    ...filter,
    kind: choices.kind ? [choices.kind] : undefined,
    status: choices.status ? [choices.status] : undefined,
    rag: filter.rag === null ? null : choices.rag ? [choices.rag as Exclude<FilterChoices['rag'], '' | '(none)'>] : undefined,
  };
  return (
    <>
      <RegisterFilters ref={textRef} value={choices} onChange={onChoices} options={options} />
      <div className={styles.summary}>
        <Text aria-live="polite" className={styles.grow} data-testid="register-count">
          Showing {shown.length.toLocaleString('en-GB')} of {rows.length.toLocaleString('en-GB')} findings
        </Text>
        <ExportRegisterButton filter={exportFilter} />
      </div>
      <RegisterTable rows={shown} sort={sort} onSort={onSort} onOpen={onOpen} selectedId={selectedId} />
    </>
  );
}
