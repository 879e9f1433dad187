import { compareGrades, type Grade } from '../../shared/domain/grades';
import type { GradeCell, GradeCellChange, GradeColumn, GradeHistory, GradeLine } from '../../shared/domain/views';
import type { Report } from '../../shared/domain/report';
import { compareReportsByTime, comparePeriods } from './periods';
import { isEarlierInspection, sameForce } from './inspections';
import { areCopies } from '../../shared/domain/report-identity';
import { CANONICAL_LINES, canonicalLine, questionKey } from '../../shared/domain/question-key';

type Judged = { key: string; wording: string; kind: GradeLine['kind']; pillar: string | null; grade: Grade | null; lastInspected: string | null };

const PILLAR_KEYS = new Set(CANONICAL_LINES.filter((l) => l.kind === 'pillar').map((l) => l.key));

function lineOf(report: Report, pillar: string | null, question: string | null): Omit<Judged, 'grade' | 'lastInspected'> {
  const pillarKey = pillar ? questionKey(pillar) : null;
  if (question) {
    const key = questionKey(question);
    return { key, wording: question, kind: 'question', pillar: canonicalLine(key)?.pillar ?? pillarKey };
  }
  if (pillar && pillarKey) return { key: pillarKey, wording: pillar, kind: 'pillar', pillar: pillarKey };
  // A single-pillar report's overall judgment is that pillar's judgment ("Legitimacy 2016: Good").
  const typeKey = report.inspectionType ? questionKey(report.inspectionType) : null;
  if (typeKey && PILLAR_KEYS.has(typeKey)) {
    return { key: typeKey, wording: report.inspectionType ?? typeKey, kind: 'pillar', pillar: typeKey };
  }
  return { key: 'overall', wording: 'Overall', kind: 'overall', pillar: null };
}

/**
 * What a report judged. A board paper carries no judgments of its own but states each question's grade
 * ("Assessed as good (no change from 2016)"), which is the only record of a year whose report is missing.
 */
function judgedIn(report: Report): Judged[] {
  if (report.judgments.length > 0) {
    return report.judgments.map((j) => ({
      ...lineOf(report, j.pillar, j.question),
      grade: j.grade,
      lastInspected: j.lastInspected,
    }));
  }
  return report.statedChanges.map((c) => ({ ...lineOf(report, null, c.question), grade: c.grade, lastInspected: null }));
}

const KIND_ORDER: Record<GradeLine['kind'], number> = { overall: 0, pillar: 1, question: 2 };
const CANONICAL_ORDER = new Map(CANONICAL_LINES.map((l, i) => [l.key, i]));
const PILLAR_ORDER = new Map(CANONICAL_LINES.filter((l) => l.kind === 'pillar').map((l, i) => [l.key, i]));

/**
 * The latest graded judgment of the same line in a strictly earlier inspection of the same force (never the
 * report itself, a copy or a version of it), with the period it was made in: its "last inspected" year when
 * that report carried it over.
 */
function previousJudgment(
  sources: readonly { report: Report }[],
  byColumn: ReadonlyMap<number, Judged>,
  column: number,
): { grade: Grade; period: string | null } | null {
  const { report } = sources[column] as { report: Report };
  for (let k = column - 1; k >= 0; k--) {
    const earlier = (sources[k] as { report: Report }).report;
    const j = byColumn.get(k);
    if (!j?.grade || !isEarlierInspection(earlier, report) || !sameForce(earlier, report) || areCopies(earlier, report)) continue;
    const carriedOver = (comparePeriods(j.lastInspected, earlier.period) ?? 0) < 0;
    return { grade: j.grade, period: carriedOver ? j.lastInspected : earlier.period };
  }
  return null;
}

/**
 * Each judged line (overall, pillar, question or component) across reports in time order, matched by
 * questionKey so the 2016 question and the 2018/19 component share a line. A judgment the report carries
 * over from an earlier inspection (its "last inspected" is before the report's period) is marked and
 * counted as no fresh change; later judgments are compared with it all the same. A judgment is compared only
 * with a strictly earlier inspection of the same force, never with a copy of its own report.
 */
export function gradeHistory(reports: readonly Report[]): GradeHistory {
  const ids = new Set(reports.map((r) => r.id));
  const sources = reports
    // A supporting document about a report that is itself present would only repeat its grades.
    .filter((r) => !(r.aboutReportId && ids.has(r.aboutReportId)))
    .map((report) => ({ report, judged: judgedIn(report) }))
    .filter((s) => s.judged.length > 0)
    .sort((a, b) => compareReportsByTime(a.report, b.report));

  const columns: GradeColumn[] = sources.map(({ report }) => ({
    reportId: report.id,
    period: report.period,
    title: report.title,
    kind: report.kind,
  }));

  const lines = new Map<string, { line: Omit<GradeLine, 'cells'>; firstSeen: number; byColumn: Map<number, Judged> }>();
  sources.forEach(({ judged }, column) => {
    for (const j of judged) {
      let entry = lines.get(j.key);
      if (!entry) {
        entry = { line: { key: j.key, label: j.wording, kind: j.kind, pillar: j.pillar }, firstSeen: lines.size, byColumn: new Map() };
        lines.set(j.key, entry);
      }
      entry.line.label = canonicalLine(j.key)?.label ?? j.wording;
      entry.line.pillar ??= j.pillar;
      const already = entry.byColumn.get(column);
      if (!already || (already.grade === null && j.grade !== null)) entry.byColumn.set(column, j);
    }
  });

  const result: GradeLine[] = [...lines.values()]
    .sort((a, b) => {
      const pa = a.line.kind === 'overall' ? -1 : (PILLAR_ORDER.get(a.line.pillar ?? '') ?? 99);
      const pb = b.line.kind === 'overall' ? -1 : (PILLAR_ORDER.get(b.line.pillar ?? '') ?? 99);
      return (
        pa - pb ||
        KIND_ORDER[a.line.kind] - KIND_ORDER[b.line.kind] ||
        (CANONICAL_ORDER.get(a.line.key) ?? 999) - (CANONICAL_ORDER.get(b.line.key) ?? 999) ||
        a.firstSeen - b.firstSeen
      );
    })
    .map(({ line, byColumn }) => {
      const cells = sources.map(({ report }, column): GradeCell => {
        const j = byColumn.get(column);
        const base = { reportId: report.id, period: report.period };
        if (!j) {
          return { ...base, present: false, grade: null, lastInspected: null, carriedOver: false, change: 'not-comparable', comparedWith: null };
        }
        const carriedOver = (comparePeriods(j.lastInspected, report.period) ?? 0) < 0;
        let change: GradeCellChange = 'not-comparable';
        let comparedWith: string | null = null;
        if (j.grade && !carriedOver) {
          const previous = previousJudgment(sources, byColumn, column);
          change = previous ? compareGrades(previous.grade, j.grade) : 'first';
          comparedWith = previous?.period ?? null;
        }
        return { ...base, present: true, grade: j.grade, lastInspected: j.lastInspected, carriedOver, change, comparedWith };
      });
      return { ...line, cells };
    });

  return { lines: result, columns };
}
