import { CHECK_BELOW, type Extraction } from '../../shared/domain/extraction';

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * What an import found, in the officer's words: "11 findings and 13 grades found; 2 to check". Items the
 * extractor is unsure of (confidence below CHECK_BELOW) are the ones to check. A document in which nothing
 * could be read says so, and how to go on: "No judgments found — add them by hand".
 */
export function summariseExtraction(e: Pick<Extraction, 'judgments' | 'findings' | 'quotes' | 'kind'>): string {
  const grades = e.judgments.filter((j) => j.grade !== null).length;
  const findings = e.findings.length;
  const toCheck = [...e.judgments, ...e.findings].filter((item) => item.confidence !== undefined && item.confidence < CHECK_BELOW).length;
  const check = toCheck > 0 ? `; ${toCheck} to check` : '';
  if (grades === 0 && findings === 0) {
    if (e.kind === 'transcript' && e.quotes.length > 0) return `${count(e.quotes.length, 'quote', 'quotes')} found`;
    return 'No judgments found — add them by hand';
  }
  if (findings === 0) return `${count(grades, 'grade', 'grades')} found${check}`;
  if (grades === 0) return `${count(findings, 'finding', 'findings')} found${check}`;
  return `${count(findings, 'finding', 'findings')} and ${count(grades, 'grade', 'grades')} found${check}`;
}
