import { useMemo } from 'react';
import { reportLabels } from '../../../shared/domain/report-label';
import { useQuery } from '../../hooks/data';

/**
 * Every report's label as pickers, lists and tables show it (shared/domain/report-label.ts): the title, with
 * force, period, kind and format where two titles would read alike. Worked out over all reports, archived
 * ones too, so a report reads the same on every screen.
 */
export function useReportLabels(base: 'title' | 'period' = 'title'): ReadonlyMap<string, string> {
  const all = useQuery('reports.list', { all: true });
  return useMemo(() => reportLabels(all.data ?? [], base), [all.data, base]);
}
