import { useMemo, useState } from 'react';
import { Combobox, Field, Option } from '@fluentui/react-components';
import type { RegisterRow } from '../../../shared/domain/views';
import { plainText } from '../../../shared/domain/text-terms';
import { useAction } from '../../hooks/data';
import { useReportLabels } from '../reports/useReportLabels';

const MAX_OPTIONS = 40;

/** "Link to another finding…": type words of the other finding, choose it, and the link is made (confirmed). */
export function LinkPicker({ findingId, reportId, rows }: { findingId: string; reportId: string; rows: RegisterRow[] }) {
  const act = useAction();
  const periods = useReportLabels('period');
  const [query, setQuery] = useState('');
  const matches = useMemo(() => {
    const words = plainText(query).toLowerCase().split(/\s+/).filter(Boolean);
    return rows
      .filter((r) => r.finding.reportId !== reportId && words.every((w) => r.haystack.includes(w) || r.reportPeriod?.toLowerCase().includes(w)))
      .sort((a, b) => a.reportRank - b.reportRank || a.finding.order - b.finding.order)
      .slice(0, MAX_OPTIONS);
  }, [rows, reportId, query]);
  return (
    <Field label="Link to another finding…" hint="Type words from the finding or its year, then choose it">
      <Combobox
        freeform
        value={query}
        placeholder="e.g. vetting 2018"
        onChange={(e) => setQuery(e.target.value)}
        onOptionSelect={(_, d) => {
          if (!d.optionValue) return;
          setQuery('');
          void act('links.create', { earlierId: findingId, laterId: d.optionValue }, 'Findings linked');
        }}
      >
        {matches.map((r) => {
          const label = `${periods.get(r.finding.reportId) ?? r.reportPeriod ?? 'Undated'} · ${r.finding.text}`;
          return (
            <Option key={r.finding.id} value={r.finding.id} text={label}>
              {label.length > 140 ? `${label.slice(0, 139)}…` : label}
            </Option>
          );
        })}
      </Combobox>
    </Field>
  );
}
