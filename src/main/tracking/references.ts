import type { FindingKind } from '../../shared/domain/extraction';
import type { Finding } from '../../shared/domain/finding';
import type { Report } from '../../shared/domain/report';
import { parseLooseDate } from '../paper/dates';

export const KIND_CODES: Record<FindingKind, string> = {
  'area-for-improvement': 'AFI',
  'cause-of-concern': 'CoC',
  recommendation: 'REC',
};

/** "2018/19", or the year of publication, or "Undated"; remembered, as a large store asks it of every report often. */
const periodLabels = new WeakMap<Pick<Report, 'period' | 'published'>, string>();
function periodLabel(report: Pick<Report, 'period' | 'published'>): string {
  let label = periodLabels.get(report);
  if (label === undefined) {
    label = report.period?.trim() || String(parseLooseDate(report.published)?.year ?? '') || 'Undated';
    periodLabels.set(report, label);
  }
  return label;
}

/** Code-point order: the times and ids compared are ISO timestamps and UUIDs, for which it is the natural order. */
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Each report's part of a reference: its period, with b, c … for a second or third report of the same period,
 * inspection reports first, then in the order they were imported (so a later import never renames an earlier
 * report's findings).
 */
export function reportLabels(reports: readonly Report[]): Map<string, string> {
  const groups = new Map<string, Report[]>();
  for (const r of reports) {
    const label = periodLabel(r);
    const group = groups.get(label);
    if (group) group.push(r);
    else groups.set(label, [r]);
  }
  const labels = new Map<string, string>();
  for (const [label, group] of groups) {
    // An inspection report keeps the plain period before a press release or board paper of the same year.
    const rank = (r: Report) => (r.kind === 'inspection-report' ? 0 : 1);
    group
      .sort((a, b) => rank(a) - rank(b) || byCodePoint(a.importedAt, b.importedAt) || byCodePoint(a.id, b.id))
      .forEach((r, i) => labels.set(r.id, i === 0 ? label : `${label}${String.fromCharCode(97 + Math.min(i, 25))}`));
  }
  return labels;
}

/** Each finding's kind and number among that kind in its report's order ("AFI-04"): a reference without the report's part. */
export function findingNumbers(findings: readonly Finding[]): Map<string, string> {
  const byReportKind = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.reportId}\u0000${f.kind}`;
    const group = byReportKind.get(key);
    if (group) group.push(f);
    else byReportKind.set(key, [f]);
  }
  const numbers = new Map<string, string>();
  for (const group of byReportKind.values()) {
    group
      .sort((a, b) => a.order - b.order || byCodePoint(a.id, b.id))
      .forEach((f, i) => numbers.set(f.id, `${KIND_CODES[f.kind]}-${String(i + 1).padStart(2, '0')}`));
  }
  return numbers;
}

/**
 * A reference for every finding, as people quote them in minutes and spreadsheets: the report's period, the
 * kind and its number among that kind in the report's order, e.g. "2018/19-AFI-04". Used in the register
 * export, the update workbooks (column Reference), reminders and the progress paper.
 */
export function findingReferences(reports: readonly Report[], findings: readonly Finding[]): Map<string, string> {
  // Only reports with findings take part, so a transcript of the same year never pushes a report to "b".
  const withFindings = new Set(findings.map((f) => f.reportId));
  const labels = reportLabels(reports.filter((r) => withFindings.has(r.id)));
  const numbers = findingNumbers(findings);
  return new Map(findings.map((f) => [f.id, `${labels.get(f.reportId) ?? 'Undated'}-${numbers.get(f.id)}`]));
}
