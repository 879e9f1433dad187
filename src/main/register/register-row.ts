import type { FindingKind } from '../../shared/domain/extraction';
import { compareProgress, progressDate, type Finding, type FindingLink, type FindingStatus, type Rag } from '../../shared/domain/finding';
import type { Report } from '../../shared/domain/report';

/** One line of the register as exported: a finding with its reference, report, tracking, evidence and links. */
export type RegisterRow = {
  reference: string;
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
  latestProgress: { on: string; by: string; text: string } | null;
  /** Evidence files by name, then evidence named in words. */
  evidence: string[];
  /** The references of the findings it is linked to (confirmed), earlier ones first. */
  linked: string[];
  carriedOver: boolean;
};

const KIND_NOTE: Partial<Record<Report['kind'], string>> = {
  'board-paper': 'board paper',
  'press-release': 'press release',
  transcript: 'transcript',
};

/**
 * A report as a register cell names it: "PEEL 2018/19 Integrated", "PEEL 2017 Legitimacy (board paper)"; the
 * title when the report gives none of those.
 */
export function shortReportName(report: Pick<Report, 'programme' | 'period' | 'inspectionType' | 'title' | 'kind'>): string {
  const name = [report.programme, report.period, report.inspectionType].filter(Boolean).join(' ');
  if (!name) return report.title;
  const note = KIND_NOTE[report.kind];
  return note ? `${name} (${note})` : name;
}

/**
 * Rows for every finding whose report is given, in report order then finding order. `references` gives each
 * finding's reference; `links` the confirmed links between findings.
 */
export function registerRows(
  reports: readonly Report[],
  findings: readonly Finding[],
  references: ReadonlyMap<string, string> = new Map(),
  links: readonly FindingLink[] = [],
): RegisterRow[] {
  const rank = new Map(reports.map((r, i) => [r.id, i]));
  const linked = new Map<string, Array<{ rank: number; ref: string }>>();
  const reportOf = new Map(findings.map((f) => [f.id, f.reportId]));
  for (const link of links) {
    if (link.state !== 'confirmed') continue;
    for (const [self, other] of [
      [link.earlierId, link.laterId],
      [link.laterId, link.earlierId],
    ] as const) {
      const ref = references.get(other);
      if (!ref) continue;
      const entry = { rank: rank.get(reportOf.get(other) ?? '') ?? 0, ref };
      const list = linked.get(self);
      if (list) list.push(entry);
      else linked.set(self, [entry]);
    }
  }
  return findings
    .filter((f) => rank.has(f.reportId))
    .sort((a, b) => (rank.get(a.reportId) ?? 0) - (rank.get(b.reportId) ?? 0) || a.order - b.order)
    .map((f) => {
      const t = f.tracking;
      let latest: (typeof t.progress)[number] | null = null;
      for (const p of t.progress) if (latest === null || compareProgress(p, latest) >= 0) latest = p;
      return {
        reference: references.get(f.id) ?? '',
        report: shortReportName(reports[rank.get(f.reportId) ?? 0]!),
        pillar: f.pillar,
        question: f.question,
        kind: f.kind,
        text: f.leadIn ? `${f.leadIn} ${f.text}` : f.text,
        owner: t.owner,
        status: t.status,
        rag: t.rag,
        due: t.due,
        latestProgress: latest ? { on: progressDate(latest), by: latest.by, text: latest.text } : null,
        evidence: [...t.attachments.map((a) => a.name), ...t.evidence],
        linked: (linked.get(f.id) ?? []).sort((a, b) => a.rank - b.rank).map((l) => l.ref),
        carriedOver: f.carriedOver,
      };
    });
}
