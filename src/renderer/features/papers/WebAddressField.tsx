import { useEffect, useState } from 'react';
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { PaperReport } from '../../../shared/api/papers';
import { useAction } from '../../hooks/data';

const useStyles = makeStyles({ row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end' }, grow: { flexGrow: 1 } });

/** The report's web address, which the bibliography cites; it belongs to the report, so every paper on it shares it. */
export function WebAddressField({ report }: { report: PaperReport }) {
  const styles = useStyles();
  const act = useAction();
  const [value, setValue] = useState(report.webAddress ?? '');
  useEffect(() => setValue(report.webAddress ?? ''), [report.webAddress]);
  const changed = value.trim() !== (report.webAddress ?? '');
  return (
    <form
      className={styles.row}
      onSubmit={(e) => {
        e.preventDefault();
        void act('reports.updateMeta', { id: report.id, changes: { webAddress: value.trim() || null } }, 'Web address saved');
      }}
    >
      <Field className={styles.grow} label="Report’s web address" hint="Cited in the bibliography; saved with the report, for every paper about it.">
        <Input type="url" value={value} placeholder="https://www.justiceinspectorates.gov.uk/…" onChange={(_e, d) => setValue(d.value)} />
      </Field>
      <Button type="submit" disabled={!changed}>
        Save address
      </Button>
    </form>
  );
}
