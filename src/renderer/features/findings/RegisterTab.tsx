import { useEffect, useMemo, useState, type RefObject } from 'react';
import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import type { RegisterReports, RegisterSort } from '../../../shared/domain/views';
import { useQuery } from '../../hooks/data';
import { ExportRegisterButton } from '../papers/ExportRegisterButton';
import { RegisterFilters } from './RegisterFilters';
import { RegisterTable } from './RegisterTable';
import { filterOptions, toRegisterFilter, type FilterChoices } from './register-filter';
import { useRegisterWindow } from './useRegisterWindow';
import { useReportLabels } from '../reports/useReportLabels';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, flexGrow: 1, minHeight: 0, paddingTop: tokens.spacingVerticalXS },
});

/** Main is asked once typing pauses this long, so a word typed fast is one read, not one per letter. */
const TYPING_PAUSE_MS = 150;

type Props = {
  choices: FilterChoices;
  onChoices: (next: FilterChoices) => void;
  reports: RegisterReports | undefined;
  sort: RegisterSort;
  onSort: (sort: RegisterSort) => void;
  onOpen: (findingId: string) => void;
  selectedId: string | null;
  textRef: RefObject<HTMLInputElement | null>;
};

/** The filter bar, the count and the table; main filters and sorts, and sends the rows in view. */
export function RegisterTab({ choices, onChoices, reports, sort, onSort, onOpen, selectedId, textRef }: Props) {
  const styles = useStyles();
  const lists = useQuery('findings.registerChoices', {});
  const labels = useReportLabels();
  const options = useMemo(() => filterOptions(reports, lists.data, labels), [reports, lists.data, labels]);
  const [typed, setTyped] = useState(choices.text);
  useEffect(() => {
    const timer = setTimeout(() => setTyped(choices.text), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [choices.text]);
  // The lists apply at once; the words when typing pauses (or at once when cleared).
  const filter = useMemo(() => toRegisterFilter({ ...choices, text: choices.text.trim() ? typed : '' }), [choices, typed]);
  const register = useRegisterWindow(filter, sort);
  const resetKey = JSON.stringify([filter, sort]);
  return (
    <div className={styles.root}>
      <RegisterFilters
        ref={textRef}
        value={choices}
        onChange={onChoices}
        options={options}
        actions={
          <>
            {/* In the bar, not on a line of its own: the height goes to the table's rows. */}
            {register.total !== undefined && (
              <Text aria-live="polite" data-testid="register-count">
                Showing {register.total.toLocaleString('en-GB')} of {(register.all ?? 0).toLocaleString('en-GB')} findings
              </Text>
            )}
            <ExportRegisterButton filter={filter} />
          </>
        }
      />
      {register.error && <p role="alert">{register.error}</p>}
      {register.total === undefined ? (
        !register.error && <Spinner label="Loading the register" />
      ) : (
        <RegisterTable
          total={register.total}
          rowAt={register.rowAt}
          showing={register.showing}
          resetKey={resetKey}
          sort={sort}
          onSort={onSort}
          onOpen={onOpen}
          selectedId={selectedId}
        />
      )}
    </div>
  );
}
