import type { ExtractedFinding, ExtractedJudgment, FindingKind } from '../../shared/domain/extraction';
import { parseGrade } from '../../shared/domain/grades';
import type { Anchorer } from './anchors';
import { isHeadingLike, type Line } from './lines';
import { nameSimilarity, normaliseForCompare, pillarHeading, pillarQuestion } from './vocabulary';

export interface Structure {
  judgments: ExtractedJudgment[];
  findings: ExtractedFinding[];
}

type Mode = 'none' | 'improvement' | 'improvement-remains' | 'concern' | 'recommendation';

const YEAR_CELL = /^(?:19|20)\d{2}(?:\/\d{2})?$/;
/** A paragraph that states a finding rather than describing the force ("The force should…"). */
const FINDING_START =
  /^(?:(?:area for improvement|recommendation|cause of concern)\s*\d+\s*[:.–-]\s*)?(?:the\s+|all\s+)?(?:force|forces|constabulary|service|chief constable|it|[\p{Lu}][\p{L}'’-]*(?:\s+(?:and\s+)?[\p{Lu}][\p{L}'’-]*)*\s+(?:police|constabulary))\b.{0,160}?\b(?:should|must|needs? to|has to)\b/iu;
const NUMBERED_PREFIX = /^(?:area for improvement|recommendation|cause of concern)\s*\d+\s*[:.–-]\s*/i;
const CARRIED = /\b(?:remains?|still|carried (?:over|forward)|not yet been addressed)\b/i;

/**
 * Walks the document's headings, grade lines, tables and lists: a grade on its own line grades the heading above
 * it, a summary table row grades its component, and the lists under "Areas for improvement", "Cause of concern"
 * and "Recommendations" headings (or a paragraph ending "…areas for improvement…:") are findings of the current
 * question. Wording is not assumed beyond those section names.
 */
export function readStructure(lines: Line[], anchor: Anchorer): Structure {
  const table = readSummaryTable(lines, anchor);
  const pillarJudgments: ExtractedJudgment[] = [];
  const bodyJudgments: ExtractedJudgment[] = [];
  const findings: ExtractedFinding[] = [];

  let pillar: string | null = null;
  let question: string | null = null;
  let heading: Line | null = null;
  let mode: Mode = 'none';
  let numberedHeading = false;
  let leadIn: string | null = null;
  let concern: ExtractedFinding | null = null;

  const add = (kind: FindingKind, line: Line, carriedOver = false): void => {
    const text = cleanFinding(line.text);
    const key = normaliseForCompare(text);
    const same = findings.find((f) => f.kind === kind && normaliseForCompare(f.text) === key);
    if (same) {
      same.carriedOver ||= carriedOver;
      return;
    }
    findings.push({
      kind,
      text,
      leadIn: kind === 'recommendation' ? leadIn : null,
      pillar,
      question,
      carriedOver,
      anchor: anchor(line.start, line.end),
    });
  };

  lines.forEach((line, i) => {
    const text = line.text;
    if (line.cells.length > 0) {
      heading = null;
      return;
    }
    const grade = line.bullet ? null : parseGrade(text);
    if (grade) {
      if (!heading) return;
      const graded: Line = heading;
      heading = null;
      mode = 'none';
      const lastInspected = carriedOverYear(lines[i + 1]?.text ?? '');
      const range = anchor(graded.start, line.end);
      const pillarGraded = (name: string): boolean =>
        [...pillarJudgments, ...table.map((row) => row.judgment)].some((j) => j.question === null && j.pillar === name);
      // "How effective is the force at…?" heads both a pillar and its questions; the first one graded is the pillar's.
      const asked = pillarQuestion(graded.text);
      const ofPillar = pillarHeading(graded.text) ?? (asked && !pillarGraded(asked) ? asked : null);
      if (ofPillar) {
        pillar = ofPillar;
        question = null;
        if (!pillarGraded(ofPillar)) pillarJudgments.push({ pillar: ofPillar, question: null, grade, lastInspected, anchor: range });
        return;
      }
      const known = matchTable(table, graded.text);
      pillar = known?.pillar ?? pillar;
      question = known?.question ?? graded.text;
      if (!known) bodyJudgments.push({ pillar, question, grade, lastInspected, anchor: range });
      return;
    }

    if (line.heading !== null || isHeadingLike(line)) {
      const short = text.split(' ').length <= 6;
      if (short && /^areas? for improvement\b/i.test(text)) {
        mode = 'improvement';
        numberedHeading = /^area for improvement\b/i.test(text);
        heading = null;
        return;
      }
      if (short && /^causes? of concern\b/i.test(text)) {
        mode = 'concern';
        concern = null;
        heading = null;
        return;
      }
      if (short && /^recommendations?\b/i.test(text)) {
        mode = 'recommendation';
        leadIn = null;
        heading = null;
        return;
      }
    }

    if (line.bullet) {
      if (mode === 'improvement') add('area-for-improvement', line);
      else if (mode === 'improvement-remains') add('area-for-improvement', line, true);
      else if (mode === 'recommendation') add('recommendation', line);
      else if (mode === 'concern' && concern) extend(concern, line, anchor);
      return;
    }

    if (/\bareas? for improvement\b/i.test(text) && text.endsWith(':')) {
      mode = CARRIED.test(text) ? 'improvement-remains' : 'improvement';
      numberedHeading = false;
      return;
    }
    if (mode === 'improvement' && (numberedHeading || FINDING_START.test(text))) {
      add('area-for-improvement', line);
      numberedHeading = false;
      return;
    }
    if (mode === 'concern' && !isHeadingLike(line)) {
      if (concern) {
        extend(concern, line, anchor);
      } else {
        add('cause-of-concern', line);
        concern = findings[findings.length - 1] ?? null;
      }
      return;
    }
    if (mode === 'recommendation' && text.endsWith(':')) {
      leadIn = text;
      return;
    }
    if (mode === 'recommendation' && FINDING_START.test(text)) {
      add('recommendation', line);
      return;
    }
    mode = 'none';

    const namedPillar = pillarHeading(text);
    if (namedPillar) {
      pillar = namedPillar;
      question = null;
      heading = line;
      return;
    }
    if (/^\d{1,2}\.?$/.test(text) || /^(?:last updated|published|date)\b/i.test(text)) return;
    heading = isHeadingLike(line) ? line : null;
  });

  return { judgments: [...pillarJudgments, ...table.map((row) => row.judgment), ...bodyJudgments], findings };
}

interface TableRow {
  judgment: ExtractedJudgment;
  pillar: string | null;
  /** Null for a row that grades a whole pillar. */
  question: string | null;
}

/** Rows of a summary table: a component name, a grade cell and optionally the year it was last inspected. */
function readSummaryTable(lines: Line[], anchor: Anchorer): TableRow[] {
  const rows: TableRow[] = [];
  let pillar: string | null = null;
  for (const line of lines) {
    if (line.cells.length === 0) continue;
    const cells = line.cells.filter((cell) => cell);
    const named = cells.map((cell) => pillarHeading(cell)).find((p) => p);
    const grade = cells.map((cell) => parseGrade(cell)).find((g) => g) ?? null;
    if (!grade) {
      if (named) pillar = named;
      continue;
    }
    const name = cells.find((cell) => !parseGrade(cell) && !YEAR_CELL.test(cell));
    if (!name) continue;
    const lastInspected = cells.find((cell) => YEAR_CELL.test(cell)) ?? null;
    const judgment: ExtractedJudgment = named
      ? { pillar: named, question: null, grade, lastInspected, anchor: anchor(line.start, line.end) }
      : { pillar, question: name, grade, lastInspected, anchor: anchor(line.start, line.end) };
    rows.push({ judgment, pillar: named ?? pillar, question: named ? null : name });
  }
  return rows;
}

function matchTable(rows: TableRow[], name: string): { pillar: string | null; question: string } | null {
  let best: TableRow | null = null;
  let bestScore = 0.5;
  for (const row of rows) {
    if (row.question === null) continue;
    const score = nameSimilarity(row.question, name);
    if (score >= bestScore) {
      best = row;
      bestScore = score;
    }
  }
  return best?.question ? { pillar: best.pillar, question: best.question } : null;
}

function carriedOverYear(text: string): string | null {
  const match = /judgment from (?:the|our) ((?:19|20)\d{2}(?:\/\d{2})?)\b[^.]*?\binspection has been carried (?:over|forward)/i.exec(text);
  return match?.[1] ?? null;
}

function cleanFinding(text: string): string {
  return text.replace(NUMBERED_PREFIX, '').replace(/\s*(?:;|,)\s*(?:and|or)?$/i, '').replace(/;$/, '').trim();
}

function extend(finding: ExtractedFinding, line: Line, anchor: Anchorer): void {
  finding.text = `${finding.text} ${line.text}`;
  if (finding.anchor) finding.anchor = anchor(finding.anchor.start, line.end);
}
