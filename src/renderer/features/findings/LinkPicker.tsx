import { useEffect, useState } from 'react';
import { Combobox, Field, Option } from '@fluentui/react-components';
import { useAction, useQuery } from '../../hooks/data';
import { useReportLabels } from '../reports/useReportLabels';

/** Main is asked once typing pauses this long. */
const TYPING_PAUSE_MS = 150;

/** "Link to another finding…": type words of the other finding, choose it, and the link is made (confirmed). */
export function LinkPicker({ findingId }: { findingId: string }) {
  const act = useAction();
  const periods = useReportLabels('period');
  const [query, setQuery] = useState('');
  const [asked, setAsked] = useState('');
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setAsked(query), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query]);
  // Asked only while the list is open: main looks through every other report's findings.
  const candidates = useQuery('findings.linkCandidates', { id: findingId, q: asked }, open);
  return (
    <Field label="Link to another finding…" hint="Type words from the finding or its year, then choose it">
      <Combobox
        freeform
        value={query}
        placeholder="e.g. vetting 2018"
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onOpenChange={(_, d) => setOpen(d.open)}
        onOptionSelect={(_, d) => {
          if (!d.optionValue) return;
          setQuery('');
          void act('links.create', { earlierId: findingId, laterId: d.optionValue }, 'Findings linked');
        }}
      >
        {(candidates.data ?? []).map((f) => {
          const label = `${periods.get(f.reportId) ?? f.reportPeriod ?? 'Undated'} · ${f.text}`;
          return (
            <Option key={f.id} value={f.id} text={label}>
              {label.length > 140 ? `${label.slice(0, 139)}…` : label}
            </Option>
          );
        })}
      </Combobox>
    </Field>
  );
}
