import type { FindingKind } from '../../shared/domain/extraction';
import type { Finding, FindingStatus, Rag } from '../../shared/domain/finding';
import type { Report } from '../../shared/domain/report';

/** One line of the findings register: a finding with its report's title and its tracking. */
export type RegisterRow = {
  report: string;
  pillar: string | null;
  question: string | null;
  kind: FindingKind;
  text: string;
  owner: string | null;
  status: FindingStatus;
  rag: Rag | null;
  /** ISO 8601 date. */
  due: string | null;
  latestProgress: { at: string; text: string } | null;
  carriedOver: boolean;
};

/** Rows for every finding whose report is given, in report order then finding order. */
export function registerRows(reports: readonly Report[], findings: readonly Finding[]): RegisterRow[] {
  const rank = new Map(reports.map((r, i) => [r.id, i]));
  return findings
    .filter((f) => rank.has(f.reportId))
    .sort((a, b) => (rank.get(a.reportId) ?? 0) - (rank.get(b.reportId) ?? 0) || a.order - b.order)
    .map((f) => {
      const latest = [...f.tracking.progress].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
      return {
        report: reports[rank.get(f.reportId) ?? 0]?.title ?? '',
        pillar: f.pillar,
        question: f.question,
        kind: f.kind,
        text: f.leadIn ? `${f.leadIn} ${f.text}` : f.text,
        owner: f.tracking.owner,
        status: f.tracking.status,
        rag: f.tracking.rag,
        due: f.tracking.due,
        latestProgress: latest ? { at: latest.at, text: latest.text } : null,
        carriedOver: f.carriedOver,
      };
    });
}
