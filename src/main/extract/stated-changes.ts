import type { ExtractedJudgment, StatedChange } from '../../shared/domain/extraction';
import { parseGrade } from '../../shared/domain/grades';
import type { Anchorer } from './anchors';
import type { Line } from './lines';

const GRADE_WORDS = String.raw`(outstanding|good|adequate|requires improvement|requiring improvement|inadequate|ungraded)`;
const ASSESSED = new RegExp(String.raw`^(.+?\?)\s*(?:was\s+)?(?:assessed|graded|judged|rated)\s+(?:as\s+)?(?:being\s+)?["“']?${GRADE_WORDS}["”']?\s*(?:\(([^)]*)\))?`, 'i');
const OVERALL = new RegExp(String.raw`\boverall (?:judgment|judgement|grade|assessment|rating) (?:of|was|is|as)\s*["“']?${GRADE_WORDS}\b`, 'i');

export interface Statements {
  judgments: ExtractedJudgment[];
  statedChanges: StatedChange[];
}

/**
 * What a document such as a board paper says about grades in prose: "…? Assessed as good (no change from 2016)."
 * and "an overall judgment of "good"".
 */
export function readStatements(lines: Line[], pillar: string | null, anchor: Anchorer): Statements {
  const judgments: ExtractedJudgment[] = [];
  const statedChanges: StatedChange[] = [];
  for (const line of lines) {
    const overall = OVERALL.exec(line.text);
    if (overall?.[1] && !judgments.some((j) => j.question === null)) {
      judgments.push({ pillar, question: null, grade: parseGrade(overall[1]), lastInspected: null, anchor: anchor(line.start, line.end), foundBy: 'sentence', confidence: 0.9 });
    }
    const assessed = ASSESSED.exec(line.text);
    if (!assessed?.[1] || !assessed[2]) continue;
    const question = assessed[1].replace(/^\d+(?:\.\d+)*\s+/, '').trim();
    const grade = parseGrade(assessed[2]);
    const range = anchor(line.start, line.end);
    judgments.push({ pillar, question, grade, lastInspected: null, anchor: range, foundBy: 'sentence', confidence: 0.9 });
    const change = assessed[3] ? readChange(assessed[3]) : null;
    if (change) statedChanges.push({ question, grade, ...change, anchor: range });
  }
  return { judgments, statedChanges };
}

function readChange(text: string): Pick<StatedChange, 'change' | 'sinceYear'> | null {
  const sinceYear = /\b((?:19|20)\d{2}(?:\/\d{2})?)\b/.exec(text)?.[1] ?? null;
  if (/\b(?:no change|unchanged|same as|maintained)\b/i.test(text)) return { change: 'no-change', sinceYear };
  if (/\b(?:improvement|improved|up from|better)\b/i.test(text)) return { change: 'improved', sinceYear };
  if (/\b(?:decline|declined|deterioration|deteriorated|down from|worse)\b/i.test(text)) return { change: 'declined', sinceYear };
  return null;
}
