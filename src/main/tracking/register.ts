import type { Finding, ProgressUpdate } from '../../shared/domain/finding';
import type { Report } from '../../shared/domain/report';
import { isOverdue, type RegisterEntry } from '../../shared/domain/register';
import { questionKey } from '../../shared/domain/question-key';
import { plainText } from '../../shared/domain/text-terms';
import { compareReportsByTime } from './periods';

/** The report's fields a register row shows or sorts by. */
export type RegisterReport = Pick<Report, 'id' | 'title' | 'period' | 'published' | 'importedAt'>;

/** Question wordings repeat across thousands of findings: each is keyed once. */
const questionKeys = new Map<string, string>();

function keyOfQuestion(question: string): string {
  let key = questionKeys.get(question);
  if (key === undefined) {
    if (questionKeys.size > 50_000) questionKeys.clear();
    key = questionKey(question);
    questionKeys.set(question, key);
  }
  return key;
}

/** One finding's register row, worked out once: what the table shows and the text the filter looks in. */
export function registerEntry(finding: Finding, report: RegisterReport | undefined, reportRank: number, today: string): RegisterEntry {
  const t = finding.tracking;
  return {
    finding,
    reportTitle: report?.title ?? '',
    reportPeriod: report?.period ?? null,
    reportRank,
    questionKey: finding.question ? keyOfQuestion(finding.question) : null,
    overdue: isOverdue(t, today),
    latestProgress: t.progress.reduce<ProgressUpdate | null>((latest, p) => (!latest || p.at >= latest.at ? p : latest), null),
    haystack: plainText(
      [finding.text, finding.leadIn, finding.question, t.owner, ...t.progress.map((p) => p.text), ...t.evidence].filter(Boolean).join('\n'),
    ).toLowerCase(),
  };
}

/** Each report's place in time among all reports, for sorting by report. */
export function reportRanks(reports: readonly RegisterReport[]): Map<string, number> {
  return new Map([...reports].sort(compareReportsByTime).map((r, i) => [r.id, i]));
}

/** The register's rows in one go; filterRegister (src/shared/domain/register.ts) filters and sorts them. */
export function buildRegister(findings: readonly Finding[], reports: readonly RegisterReport[], today: string): RegisterEntry[] {
  const rank = reportRanks(reports);
  const byId = new Map(reports.map((r) => [r.id, r]));
  return findings.map((finding) => registerEntry(finding, byId.get(finding.reportId), rank.get(finding.reportId) ?? reports.length, today));
}
