import { parseGrade, type Grade } from '../../shared/domain/grades';
import type { Line } from './lines';

/** The grade words as sentences and lists write them, "required improvement" and "requiring improvement" too. */
export const GRADE_WORDS = String.raw`outstanding|good|adequate|requires?\s+improvement|requiring\s+improvement|required\s+improvement|inadequate`;

/** A grade as a sentence spells it, quoted or not: "'requires improvement'", "Good", "required improvement". */
export function gradeFromWords(text: string): Grade | null {
  const t = text.replace(/["'‘’“”]/g, '').trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === 'require improvement' || t === 'required improvement') return 'Requires improvement';
  return parseGrade(t);
}

/**
 * A line that states a grade and nothing else: "Good", "Grade: Requires improvement", "Our judgment:
 * adequate", "Good ●", "Adequate (2023)". Bullets and table rows are not grade lines.
 */
export function gradeOfLine(line: Line): Grade | null {
  if (line.bullet || line.cells.length > 0) return null;
  return gradeOfCell(line.text.replace(/^(?:(?:our |overall |this area(?:'s| is)? )?(?:grade|judg(?:e)?ment|rating|graded(?: as)?)\s*[:–—-]?\s*)/i, ''));
}

/** A table cell or line holding a grade, with the symbols, marks and years around it that pages add. */
export function gradeOfCell(text: string): Grade | null {
  const core = text
    .replace(/\((?:19|20)\d{2}(?:\/\d{2})?\)/g, '')
    .replace(/[●○◆◇■□▲▼★✓✔*]+/g, '')
    .replace(/^\s*grade\s*:?\s*/i, '')
    .trim();
  return core.length <= 30 ? parseGrade(core) : null;
}
