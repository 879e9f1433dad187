import { z } from 'zod';

/** The inspectorate's grading scale, best first. "Adequate" arrived with PEEL 2021/22. */
export const GRADES = [
  'Outstanding',
  'Good',
  'Adequate',
  'Requires improvement',
  'Inadequate',
  'Ungraded',
] as const;
export const Grade = z.enum(GRADES);
export type Grade = z.infer<typeof Grade>;

/** Higher is better; Ungraded has no rank and compares with nothing. */
const RANK: Record<Grade, number | null> = {
  Outstanding: 4,
  Good: 3,
  Adequate: 2,
  'Requires improvement': 1,
  Inadequate: 0,
  Ungraded: null,
};

export type GradeChange = 'improved' | 'no-change' | 'declined' | 'not-comparable';

export function compareGrades(previous: Grade | null, current: Grade | null): GradeChange {
  if (!previous || !current) return 'not-comparable';
  const before = RANK[previous];
  const after = RANK[current];
  if (before === null || after === null) return 'not-comparable';
  if (after > before) return 'improved';
  if (after < before) return 'declined';
  return 'no-change';
}

/** Reads a grade however a report spells it ("requires improvement", "REQUIRES IMPROVEMENT", "requiring improvement"). */
export function parseGrade(text: string): Grade | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.”"’']+$/g, '');
  if (t === 'outstanding') return 'Outstanding';
  if (t === 'good') return 'Good';
  if (t === 'adequate') return 'Adequate';
  if (t === 'requires improvement' || t === 'requiring improvement') return 'Requires improvement';
  if (t === 'inadequate') return 'Inadequate';
  if (t === 'ungraded' || t === 'not graded') return 'Ungraded';
  return null;
}
