import type { ExtractedJudgment } from '../../shared/domain/extraction';
import type { Anchorer } from './anchors';
import { areaName, isKnownArea, judgmentConfidence } from './areas';
import { gradeOfLine } from './grade-text';
import { isHeadingLike, type Line } from './lines';

/** "No areas were judged as outstanding.", "No areas were graded inadequate", "None." */
const NONE = /^(?:no (?:areas?|aspects?) (?:of policing )?(?:were|was|have been|has been|are|is) (?:judged|graded|rated|found|assessed)?\b.*|none\.?|there (?:were|are) no areas?\b.*)$/i;
const JUDGMENTS_SECTION = /\bjudg(?:e)?ments?\b|\bgrades?\b|\bgraded\b|\bratings?\b/i;

export interface GradeGroups {
  judgments: ExtractedJudgment[];
  /** Lines read as part of a group: the walker leaves them alone. */
  consumed: Set<number>;
}

/**
 * Judgments listed under each grade, as the 2021/22 and later reports' "Our judgments" do: a grade as a
 * heading, then the names of the areas given it, or a line saying no area was. A grade line starts a group
 * only inside a judgments section (or after a lead-in ending "as follows:"), and only when area names or a
 * "No areas…" line follow it, so "heading, then its grade" elsewhere is not taken for a group.
 */
export function readGradeGroups(lines: Line[], anchor: Anchorer): GradeGroups {
  const judgments: ExtractedJudgment[] = [];
  const consumed = new Set<number>();
  let inGroups = false;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    if (!line) continue;
    const grade = gradeOfLine(line);
    if (!grade) {
      if (!consumed.has(i)) inGroups = false;
      continue;
    }
    if (!inGroups && !opensGroups(lines, i)) continue;
    const members: Line[] = [];
    let j = i + 1;
    let sawNone = false;
    for (; j < lines.length; j += 1) {
      const next = lines[j];
      if (!next || gradeOfLine(next)) break;
      if (NONE.test(next.text)) {
        sawNone = true;
        consumed.add(j);
        continue;
      }
      if (!isAreaLine(next)) break;
      // An unknown short line with prose after it is the next section's heading, not an area.
      const after = lines[j + 1];
      if (!isKnownArea(next.text) && after && !gradeOfLine(after) && !isAreaLine(after) && !NONE.test(after.text)) break;
      members.push(next);
    }
    if (members.length === 0 && !sawNone) continue;
    inGroups = true;
    consumed.add(i);
    for (const member of members) {
      consumed.add(member.index);
      const name = areaName(member.text);
      judgments.push({
        pillar: null,
        question: name,
        grade,
        lastInspected: null,
        anchor: anchor(member.start, member.end),
        foundBy: 'list',
        confidence: judgmentConfidence('list', isKnownArea(name)),
      });
    }
    i = j - 1;
  }
  return { judgments, consumed };
}

/** A judgments heading above, or a lead-in ending "as follows:" just before. */
function opensGroups(lines: Line[], i: number): boolean {
  const previous = lines[i - 1];
  if (previous && /(?:as follows|below|these areas)\s*:?$|:$/i.test(previous.text) && JUDGMENTS_SECTION.test(previous.text)) return true;
  for (let j = i - 1; j >= Math.max(0, i - 4); j -= 1) {
    const before = lines[j];
    if (!before) break;
    if ((before.heading !== null || isHeadingLike(before)) && JUDGMENTS_SECTION.test(before.text)) return true;
    if (before.heading !== null) return false;
  }
  return false;
}

/** An area's name on its own: a short line or list item that is not a sentence. */
function isAreaLine(line: Line): boolean {
  if (line.cells.length > 0) return false;
  const words = line.text.split(' ').length;
  if (words > 14 || /[.!?]$/.test(line.text)) return false;
  if (line.heading !== null && !isKnownArea(line.text)) return false;
  return true;
}
