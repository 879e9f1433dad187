import type { Finding, ProgressUpdate } from '../../shared/domain/finding';
import type { Report } from '../../shared/domain/report';
import type { RegisterRow } from '../../shared/domain/views';
import { isOverdue } from '../../shared/domain/register';
import { questionKey } from '../../shared/domain/question-key';
import { plainText } from '../../shared/domain/text-terms';
import { compareReportsByTime } from './periods';

/** The register's rows, worked out once; filterRegister (src/shared/domain/register.ts) filters and sorts them. */
export function buildRegister(findings: readonly Finding[], reports: readonly Report[], today: string): RegisterRow[] {
  const ranked = [...reports].sort(compareReportsByTime);
  const rank = new Map(ranked.map((r, i) => [r.id, i]));
  const byId = new Map(reports.map((r) => [r.id, r]));
  return findings.map((finding) => {
    const report = byId.get(finding.reportId);
    const t = finding.tracking;
    return {
      finding,
      reportTitle: report?.title ?? '',
      reportPeriod: report?.period ?? null,
      reportRank: rank.get(finding.reportId) ?? ranked.length,
      questionKey: finding.question ? questionKey(finding.question) : null,
      overdue: isOverdue(t, today),
      latestProgress: t.progress.reduce<ProgressUpdate | null>((latest, p) => (!latest || p.at >= latest.at ? p : latest), null),
      haystack: plainText(
        [finding.text, finding.leadIn, finding.question, t.owner, ...t.progress.map((p) => p.text), ...t.evidence]
          .filter(Boolean)
          .join('\n'),
      ).toLowerCase(),
    };
  });
}
