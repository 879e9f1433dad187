import type { Finding } from '../../../shared/domain/finding';
import type { Report } from '../../../shared/domain/report';
import type { HighlightRange } from './highlights';

/** What the reader highlights for a report: every anchored judgment, finding and quote. */
export function reportRanges(report: Report, findings: Finding[]): HighlightRange[] {
  const ranges: HighlightRange[] = [];
  for (const j of report.judgments) if (j.anchor) ranges.push({ start: j.anchor.start, end: j.anchor.end, kind: 'judgment', id: j.id });
  for (const f of findings) if (f.anchor) ranges.push({ start: f.anchor.start, end: f.anchor.end, kind: f.kind, id: f.id });
  for (const q of report.quotes) if (q.anchor) ranges.push({ start: q.anchor.start, end: q.anchor.end, kind: 'quote', id: q.id });
  return ranges;
}

/** The pillar and question of whatever is anchored last before a passage: where a finding added there most likely belongs. */
export function placeOf(report: Report, findings: Finding[], offset: number): { pillar: string | null; question: string | null } {
  const anchored = [...report.judgments, ...findings].filter((item) => item.anchor && item.anchor.start <= offset);
  const nearest = anchored.sort((a, b) => (b.anchor?.start ?? 0) - (a.anchor?.start ?? 0))[0];
  return { pillar: nearest?.pillar ?? null, question: nearest?.question ?? null };
}
