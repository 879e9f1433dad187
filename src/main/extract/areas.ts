import type { ExtractedJudgment, FoundBy } from '../../shared/domain/extraction';
import { canonicalLine, questionKey } from '../../shared/domain/question-key';
import { pillarFromWord } from './vocabulary';

/** Whether the PEEL vocabulary knows a name, in any cycle's wording. */
export function isKnownArea(text: string): boolean {
  return canonicalLine(questionKey(text)) !== undefined;
}

/** The pillar a name or pillar question stands for ("How efficient is the force at keeping people safe…?"). */
export function pillarNamed(text: string): string | null {
  const line = canonicalLine(questionKey(text));
  return line?.kind === 'pillar' ? line.label : null;
}

/** The pillar the vocabulary puts a known area under ("Ethical and lawful workforce behaviour": Legitimacy). */
export function areaPillar(text: string): string | null {
  const line = canonicalLine(questionKey(text));
  return line?.kind === 'question' ? pillarFromWord(line.pillar) : null;
}

/** One key per judged line: the area's (any wording), the pillar's, or the overall judgment's. */
export function judgmentKey(j: Pick<ExtractedJudgment, 'pillar' | 'question'>): string {
  if (j.question) return questionKey(j.question);
  return j.pillar ? `pillar:${questionKey(j.pillar)}` : 'overall';
}

/**
 * How sure a reading is, by the shape it was read from and whether the vocabulary knows the area: a grade
 * under a known heading or in a known table row is near certain; a grade in a sentence about an area the
 * vocabulary does not know is one for the officer to check (below CHECK_BELOW).
 */
export function judgmentConfidence(foundBy: FoundBy, known: boolean): number {
  switch (foundBy) {
    case 'heading':
    case 'table':
      return known ? 0.95 : 0.85;
    case 'list':
      return known ? 0.92 : 0.8;
    case 'sentence':
      return known ? 0.85 : 0.65;
    case 'manual':
      return 1;
  }
}

/** A name as a judgment keeps it: first letter capitalised, no trailing punctuation or quotes. */
export function areaName(text: string): string {
  const t = text
    .replace(/^["'‘’“”\s]+|["'‘’“”\s]+$/g, '')
    .replace(/[.;:,]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return t ? t[0]!.toUpperCase() + t.slice(1) : t;
}
