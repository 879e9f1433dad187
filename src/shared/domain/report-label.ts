import type { DocumentKind, SourceFormat } from './extraction';
import type { Report } from './report';
import { formatDate } from './dates';

export const KIND_LABELS: Record<DocumentKind, string> = {
  'inspection-report': 'Inspection report',
  'press-release': 'Press release',
  transcript: "Inspector's statement",
  'board-paper': 'Board paper',
  other: 'Other document',
};

export const FORMAT_LABELS: Record<SourceFormat, string> = {
  text: 'text',
  markdown: 'Markdown',
  html: 'web page',
  pdf: 'PDF',
  docx: 'Word',
};

/** What a label is made from: any report or summary of one. */
export type Labelled = Pick<Report, 'id' | 'title' | 'kind' | 'format' | 'force' | 'period'> & Partial<Pick<Report, 'fileName' | 'importedAt'>>;

const key = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** The parts that tell reports with one title apart: force, period, kind and format, then the file and the import date if need be. */
function details(report: Labelled, base: 'title' | 'period'): string[] {
  return [
    report.force ?? 'force not stated',
    ...(base === 'title' ? [report.period ?? 'period not stated'] : []),
    KIND_LABELS[report.kind].toLowerCase(),
    FORMAT_LABELS[report.format],
  ];
}

/**
 * The name of each report as every picker, list and table shows it: its title, or (`base: 'period'`, for a
 * narrow column) its period; where two reports would read alike, the force, period, kind and format are
 * added ("PEEL: … 2018/19 — Cambridgeshire Constabulary · 2018/19 · inspection report · PDF"), and the file
 * name and import date if even those are the same. One function, so a report reads the same everywhere.
 */
export function reportLabels(reports: readonly Labelled[], base: 'title' | 'period' = 'title'): Map<string, string> {
  const baseOf = (r: Labelled) => (base === 'period' ? (r.period ?? r.title) : r.title);
  const groups = new Map<string, Labelled[]>();
  for (const r of reports) {
    const k = key(baseOf(r));
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const labels = new Map<string, string>();
  for (const group of groups.values()) {
    if (group.length === 1) {
      const [only] = group as [Labelled];
      labels.set(only.id, baseOf(only));
      continue;
    }
    const full = (r: Labelled, extra: string[]) => `${baseOf(r)} — ${[...details(r, base), ...extra].join(' · ')}`;
    const counts = (make: (r: Labelled) => string) => {
      const seen = new Map<string, number>();
      for (const r of group) seen.set(make(r), (seen.get(make(r)) ?? 0) + 1);
      return (r: Labelled) => (seen.get(make(r)) ?? 0) > 1;
    };
    const clashes = counts((r) => full(r, []));
    for (const r of group) {
      if (!clashes(r)) {
        labels.set(r.id, full(r, []));
        continue;
      }
      const withFile = full(r, r.fileName ? [r.fileName] : []);
      const stillClashes = counts((x) => full(x, x.fileName ? [x.fileName] : []));
      labels.set(r.id, stillClashes(r) && r.importedAt ? full(r, [...(r.fileName ? [r.fileName] : []), `imported ${formatDate(r.importedAt)}`]) : withFile);
    }
  }
  return labels;
}

/** One report's label among others (see reportLabels). */
export const reportLabel = (report: Labelled, among: readonly Labelled[]): string =>
  reportLabels(among.some((r) => r.id === report.id) ? among : [...among, report]).get(report.id) ?? report.title;
