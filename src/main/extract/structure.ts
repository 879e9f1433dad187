import type { ExtractedFinding, ExtractedJudgment, FindingKind, FoundBy } from '../../shared/domain/extraction';
import { questionKey } from '../../shared/domain/question-key';
import { addressedIn } from './addressee';
import type { Anchorer } from './anchors';
import { areaPillar, isKnownArea, judgmentConfidence, pillarNamed } from './areas';
import { gradeOfLine } from './grade-text';
import type { TableJudgment } from './judgment-tables';
import { cleanInline, isHeadingLike, type Line } from './lines';
import { nameSimilarity, normaliseForCompare, pillarHeading, pillarQuestion } from './vocabulary';

export interface Structure {
  judgments: ExtractedJudgment[];
  findings: ExtractedFinding[];
}

type Mode = 'none' | 'improvement' | 'improvement-remains' | 'concern' | 'recommendation';

/** A deadline that may open a finding: "By 31 March 2025, ", "Within three months, ". */
const DEADLINE = String.raw`(?:(?:by|before|within|no later than)\s+[^,]{3,40},\s*)?`;
/** A paragraph that states a finding rather than describing the force ("The force should…"). */
const FINDING_START = new RegExp(
  String.raw`^(?:(?:area for improvement|recommendation|cause of concern)\s*\d+\s*[:.–-]\s*)?${DEADLINE}(?:the\s+|all\s+)?(?:force|forces|police forces|constabulary|service|chief constables?|chief officers|it|[\p{Lu}][\p{L}'’-]*(?:\s+(?:and\s+)?[\p{Lu}][\p{L}'’-]*)*\s+(?:police|constabulary))\b.{0,160}?\b(?:should|must|needs? to|has to)\b`,
  'iu',
);
/** In a section a heading names as findings, any sentence that tells someone to act ("Custody staff should…"). */
const DIRECTIVE = new RegExp(String.raw`^${DEADLINE}(?!we\b|our\b|this\b|these\b|in\b|during\b|when\b|as\b|although\b|however\b|there\b)[^.]{0,200}?\b(?:should|must|needs? to)\b`, 'i');
const NUMBERED_PREFIX = /^(?:area for improvement|recommendation|cause of concern)\s*\d*\s*[:.–-]\s*/i;
const LABELLED = /^(area for improvement|recommendation|cause of concern)\s*(\d+)?\s*[:.–—-]\s+(?=\S)/i;
const CARRIED = /\b(?:remains?|still|carried (?:over|forward)|not yet been addressed)\b/i;
const KINDS: Record<string, FindingKind> = {
  'area for improvement': 'area-for-improvement',
  recommendation: 'recommendation',
  'cause of concern': 'cause-of-concern',
};

export interface StructureInput {
  lines: Line[];
  anchor: Anchorer;
  tables: TableJudgment[];
  /** Lines already read as judgments grouped by grade. */
  consumed: Set<number>;
  /** Areas other readings found graded: a heading naming one starts that area's findings. */
  graded: ExtractedJudgment[];
  published: string | null;
}

/**
 * Walks the document's headings, grade lines and lists: a grade on its own line grades the heading above
 * it; a heading the vocabulary knows (or one that was graded) is the area the findings under it belong to;
 * the lists and paragraphs under "Areas for improvement", "Cause of concern" and "Recommendations" headings
 * (or after a paragraph ending "…areas for improvement…:") are findings, as is the paragraph after a
 * numbered heading ("Recommendation 1") and a paragraph labelled inline ("Cause of concern: …"). Wording is
 * not assumed beyond those section names.
 */
export function readStructure({ lines, anchor, tables, consumed, graded: others, published }: StructureInput): Structure {
  const otherAreas = new Set(others.map((j) => j.question && normaliseForCompare(j.question)).filter(Boolean));
  // A question and its grade on one line ("…fairness and respect? Good") heads the findings after it.
  const askedAt = new Map(others.filter((j) => j.foundBy === 'heading' && j.anchor).map((j) => [j.anchor?.start, j]));
  const pillarJudgments: ExtractedJudgment[] = [];
  const bodyJudgments: ExtractedJudgment[] = [];
  const findings: ExtractedFinding[] = [];

  let pillar: string | null = null;
  let question: string | null = null;
  let heading: Line | null = null;
  let mode: Mode = 'none';
  let fromHeading = false;
  let numbered: FindingKind | null = null;
  let leadIn: string | null = null;
  let concern: ExtractedFinding | null = null;

  const add = (kind: FindingKind, line: Line, foundBy: FoundBy, confidence: number, carriedOver = false, from = line.start): ExtractedFinding | null => {
    const text = cleanFinding(from === line.start ? line.text : cleanInline(anchor(from, line.end).quote));
    const key = normaliseForCompare(text);
    const same = findings.find((f) => f.kind === kind && normaliseForCompare(f.text) === key);
    if (same) {
      same.carriedOver ||= carriedOver;
      return null;
    }
    const to = addressedIn(text, leadIn, published);
    const finding: ExtractedFinding = {
      kind,
      text,
      leadIn: kind === 'recommendation' ? leadIn : null,
      pillar,
      question,
      carriedOver,
      anchor: anchor(from, line.end),
      addressee: kind === 'cause-of-concern' ? null : to.addressee,
      due: kind === 'cause-of-concern' ? null : to.due,
      foundBy,
      confidence,
    };
    findings.push(finding);
    return finding;
  };

  const pillarGraded = (name: string): boolean =>
    [...pillarJudgments, ...tables.map((row) => row.judgment)].some((j) => j.question === null && j.pillar === name);

  lines.forEach((line, i) => {
    const text = line.text;
    if (line.cells.length > 0 || consumed.has(i)) {
      heading = null;
      return;
    }
    const grade = line.bullet ? null : gradeOfLine(line);
    if (grade) {
      if (!heading) return;
      const graded: Line = heading;
      heading = null;
      mode = 'none';
      const lastInspected = carriedOverYear(lines[i + 1]?.text ?? '');
      const range = anchor(graded.start, line.end);
      // "How effective is the force at…?" heads both a pillar and its questions: the vocabulary knows which is
      // which; for wording it does not know, the first one graded is the pillar's.
      const name = graded.text.replace(/^(?:overview|overall(?: judg(?:e)?ment)?|summary|introduction)\s*[-–—:]\s*/i, '');
      const asked = pillarQuestion(name);
      const known = isKnownArea(name);
      const ofPillar = pillarHeading(name) ?? pillarNamed(name) ?? (asked && !known && !pillarGraded(asked) ? asked : null);
      if (ofPillar) {
        pillar = ofPillar;
        question = null;
        if (!pillarGraded(ofPillar)) {
          pillarJudgments.push({ pillar: ofPillar, question: null, grade, lastInspected, anchor: range, foundBy: 'heading', confidence: 0.95 });
        }
        return;
      }
      const row = matchTable(tables, graded.text);
      pillar = row?.pillar ?? pillar;
      question = row?.question ?? graded.text;
      if (!row) {
        const confidence = judgmentConfidence('heading', isKnownArea(graded.text));
        // A report with pillars grades a known area under its own pillar, even where the running one is another
        // (a summary table's rows, read as headings, pass its "Legitimacy | Last inspected" row by).
        const own = pillar === null ? null : areaPillar(graded.text);
        bodyJudgments.push({ pillar: own ?? pillar, question, grade, lastInspected, anchor: range, foundBy: 'heading', confidence });
      }
      return;
    }

    const asked = askedAt.get(line.start);
    if (asked) {
      pillar = asked.pillar ?? pillar;
      question = asked.question;
      mode = 'none';
      heading = null;
      return;
    }

    const labelled = LABELLED.exec(text);
    if (labelled?.[1] && !line.bullet && text.length > labelled[0].length + 12) {
      const kind = KINDS[labelled[1].toLowerCase()] ?? 'area-for-improvement';
      const raw = anchor(line.start, line.end).quote;
      const skip = /^[^:.–—-]*[:.–—-]\s*/.exec(raw)?.[0].length ?? 0;
      leadIn = kind === 'recommendation' ? null : leadIn;
      add(kind, line, 'heading', 0.9, false, line.start + skip);
      mode = kind === 'cause-of-concern' ? 'none' : mode;
      concern = null;
      numbered = null;
      return;
    }

    if (line.heading !== null || isHeadingLike(line)) {
      const short = text.split(' ').length <= 6;
      if (short && /^areas? for improvement\b/i.test(text)) {
        mode = CARRIED.test(text) ? 'improvement-remains' : 'improvement';
        fromHeading = true;
        numbered = /^area for improvement\b/i.test(text) ? 'area-for-improvement' : null;
        leadIn = null;
        heading = null;
        return;
      }
      if (short && /^causes? of concern\b/i.test(text)) {
        mode = 'concern';
        fromHeading = true;
        concern = null;
        numbered = null;
        heading = null;
        return;
      }
      if (short && /^recommendations?\b/i.test(text)) {
        mode = 'recommendation';
        fromHeading = true;
        numbered = /^recommendation\s*\d+\b/i.test(text) ? 'recommendation' : null;
        leadIn = null;
        heading = null;
        return;
      }
    }

    if (line.bullet && text.split(' ').length < 3 && !/[.;:,]$/.test(text)) {
      // "1. Introduction": a numbered section heading ends the list it follows.
      mode = 'none';
      heading = line;
      return;
    }
    if (line.bullet) {
      const confidence = fromHeading ? 0.95 : 0.9;
      if (mode === 'improvement') add('area-for-improvement', line, 'list', confidence);
      else if (mode === 'improvement-remains') add('area-for-improvement', line, 'list', confidence, true);
      else if (mode === 'recommendation') add('recommendation', line, 'list', confidence);
      else if (mode === 'concern' && concern) extend(concern, line, anchor);
      return;
    }

    if (/\bareas? for improvement\b/i.test(text) && text.endsWith(':')) {
      mode = CARRIED.test(text) ? 'improvement-remains' : 'improvement';
      fromHeading = false;
      numbered = null;
      leadIn = text;
      return;
    }
    if (numbered && !isHeadingLike(line)) {
      if (text.endsWith(':')) {
        leadIn = text;
        mode = numbered === 'recommendation' ? 'recommendation' : 'improvement';
      } else {
        add(numbered, line, 'heading', 0.95);
      }
      numbered = null;
      return;
    }
    if ((mode === 'improvement' || mode === 'improvement-remains') && (FINDING_START.test(text) || (fromHeading && DIRECTIVE.test(text)))) {
      add('area-for-improvement', line, 'heading', FINDING_START.test(text) ? 0.9 : 0.75, mode === 'improvement-remains');
      return;
    }
    if (mode === 'concern' && !isHeadingLike(line)) {
      if (concern) extend(concern, line, anchor);
      else concern = add('cause-of-concern', line, 'heading', 0.9);
      return;
    }
    if (mode === 'recommendation' && text.endsWith(':')) {
      leadIn = text;
      return;
    }
    if (mode === 'recommendation' && (FINDING_START.test(text) || (fromHeading && DIRECTIVE.test(text)))) {
      add('recommendation', line, 'heading', FINDING_START.test(text) ? 0.9 : 0.75);
      return;
    }
    mode = 'none';
    numbered = numberedHeading(line);
    if (numbered) {
      heading = null;
      leadIn = null;
      fromHeading = true;
      return;
    }

    const namedPillar = pillarHeading(text);
    if (namedPillar) {
      pillar = namedPillar;
      question = null;
      heading = line;
      return;
    }
    if (/^\d{1,2}\.?$/.test(text) || /^(?:last updated|published|date)\b/i.test(text)) return;
    heading = isHeadingLike(line) ? line : null;
    const named = heading && (line.heading !== null || line.blockStart) && !pillarQuestion(text);
    if (named && (isKnownArea(text) || otherAreas.has(normaliseForCompare(text)))) {
      const known = matchTable(tables, text);
      pillar = known?.pillar ?? pillar;
      question = known?.question ?? text;
    }
  });

  return { judgments: [...pillarJudgments, ...tables.map((row) => row.judgment), ...bodyJudgments], findings };
}

/** "Area for improvement 2", "Recommendation 1", "Cause of concern 1": the paragraph after it is that finding. */
function numberedHeading(line: Line): FindingKind | null {
  if (!(line.heading !== null || isHeadingLike(line))) return null;
  const match = /^(area for improvement|recommendation|cause of concern)\s*\d+$/i.exec(line.text);
  return match?.[1] ? (KINDS[match[1].toLowerCase()] ?? null) : null;
}

function matchTable(rows: TableJudgment[], name: string): { pillar: string | null; question: string } | null {
  const key = questionKey(name);
  const same = rows.find((row) => row.question !== null && !key.startsWith('text:') && questionKey(row.question) === key);
  if (same?.question) return { pillar: same.pillar, question: same.question };
  let best: TableJudgment | null = null;
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
  return text
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\*\*|__/g, '')
    .replace(NUMBERED_PREFIX, '')
    .replace(/\s*(?:;|,)\s*(?:and|or)?$/i, '')
    .replace(/;$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function extend(finding: ExtractedFinding, line: Line, anchor: Anchorer): void {
  finding.text = `${finding.text} ${line.text}`;
  finding.confidence = Math.min(finding.confidence ?? 1, 0.75);
  if (finding.anchor) finding.anchor = anchor(finding.anchor.start, line.end);
}
