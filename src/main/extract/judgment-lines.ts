import type { ExtractedJudgment } from '../../shared/domain/extraction';
import type { Anchorer } from './anchors';
import { areaName, isKnownArea, judgmentConfidence, pillarNamed } from './areas';
import { GRADE_WORDS, gradeFromWords } from './grade-text';
import type { SentenceContext } from './judgment-sentences';
import type { Line } from './lines';
import { pillarHeading } from './vocabulary';

const Q = `["'‘’“”]?`;
const NAMED_GRADE = new RegExp(String.raw`^(.{3,110}?)\s*(?:[:–—|]|\s-)\s*${Q}(${GRADE_WORDS})${Q}\.?$`, 'i');
const GRADE_NAMED = new RegExp(String.raw`^${Q}(${GRADE_WORDS})${Q}\s*(?:[:–—|]|-\s)\s*(.{3,110})$`, 'i');
const BRACKETED = new RegExp(String.raw`^(.{3,110}?)\s*\(${Q}(${GRADE_WORDS})${Q}\)\.?$`, 'i');
/** A question and its grade on one line, as a web page's heading and grade badge copy: "…with fairness and respect? Good". */
const ASKED_GRADE = new RegExp(String.raw`^(.{10,300}\?)\s+${Q}(${GRADE_WORDS})${Q}\.?$`, 'i');
const MAY_GRADE = /outstanding|good|adequate|improvement/i;
const NOT_AN_AREA = /^(?:grade|rating|judg(?:e)?ment|our judg(?:e)?ment|published|date|status|result|outcome)$/i;

/**
 * Lines that pair a name with a grade: "Investigating crime – good", "Responding to the public: requires
 * improvement", "Good: preventing crime", "Protecting vulnerable people (adequate)". "Overall" names the
 * overall judgment, a pillar's name the pillar's.
 */
export function readNamedGrades(lines: Line[], anchor: Anchorer, context: SentenceContext): ExtractedJudgment[] {
  const out: ExtractedJudgment[] = [];
  for (const line of lines) {
    if (line.cells.length > 0 || !MAY_GRADE.test(line.text)) continue;
    const asked = ASKED_GRADE.exec(line.text);
    const askedGrade = gradeFromWords(asked?.[2] ?? '');
    if (asked?.[1] && askedGrade && line.text.split(' ').length <= 45) {
      const question = asked[1].replace(/^\d{1,2}\s+/, '');
      const range = anchor(line.start, line.end);
      const ofPillar = pillarNamed(question);
      const known = ofPillar !== null || isKnownArea(question);
      out.push({
        pillar: ofPillar,
        question: ofPillar ? null : question,
        grade: askedGrade,
        lastInspected: null,
        anchor: range,
        foundBy: 'heading',
        confidence: judgmentConfidence('heading', known),
      });
      continue;
    }
    if (line.text.split(' ').length > 18) continue;
    const match = NAMED_GRADE.exec(line.text) ?? BRACKETED.exec(line.text);
    const reversed = match ? null : GRADE_NAMED.exec(line.text);
    const name = match?.[1] ?? reversed?.[2];
    const grade = gradeFromWords(match?.[2] ?? reversed?.[1] ?? '');
    if (!name || !grade || NOT_AN_AREA.test(name.trim()) || /[.!?]$/.test(name)) continue;
    const range = anchor(line.start, line.end);
    const found = { foundBy: 'list' as const, lastInspected: null, anchor: range, grade };
    if (/^overall(?: (?:grade|judg(?:e)?ment|rating))?$/i.test(name.trim())) {
      out.push({ pillar: context.pillar, question: null, ...found, confidence: 0.9 });
      continue;
    }
    const pillar = pillarHeading(name.trim());
    if (pillar) {
      out.push({ pillar, question: null, ...found, confidence: 0.92 });
      continue;
    }
    const known = isKnownArea(name);
    if (!known && !line.bullet && line.heading === null) continue;
    out.push({ pillar: null, question: areaName(name), ...found, confidence: judgmentConfidence('list', known) });
  }
  return out;
}
