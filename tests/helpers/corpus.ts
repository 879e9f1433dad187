import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Extraction } from '../../src/shared/domain/extraction';
import { questionKey } from '../../src/shared/domain/question-key';

/** The extraction corpus: documents written in the inspectorate's layouts, each with values read by hand. */
export const CORPUS_DIR = join(import.meta.dirname, '../fixtures/corpus');

export interface ExpectedJudgment {
  pillar: string | null;
  question: string | null;
  grade: string;
}

export interface ExpectedFinding {
  kind: string;
  text: string;
  question?: string | null;
  addressee?: string | null;
  due?: string | null;
}

/** What a reader of the document would write down; a field left out is not checked. */
export interface Expected {
  layout: string;
  kind: string;
  force?: string | null;
  inspectorate?: string | null;
  programme?: string | null;
  inspectionType?: string | null;
  period?: string | null;
  published?: string | null;
  title?: string | null;
  judgments: ExpectedJudgment[];
  findings: ExpectedFinding[];
}

export interface CorpusDocument {
  name: string;
  file: string;
  expected: Expected;
}

export function corpusDocuments(): CorpusDocument[] {
  const files = readdirSync(CORPUS_DIR);
  return files
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.expected\.json$/, '');
      const file = files.find((d) => d.startsWith(`${name}.`) && !d.endsWith('.expected.json'));
      if (!file) throw new Error(`${f} has no document beside it`);
      return { name, file: join(CORPUS_DIR, file), expected: JSON.parse(readFileSync(join(CORPUS_DIR, f), 'utf8')) as Expected };
    });
}

const norm = (text: string | null | undefined): string => (text ?? '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Same grade for the same line: the same pillar, and the same question in any cycle's wording. */
export function sameJudgment(expected: ExpectedJudgment, got: Extraction['judgments'][number]): boolean {
  if (got.grade !== expected.grade || norm(got.pillar) !== norm(expected.pillar)) return false;
  if (expected.question === null || got.question === null) return expected.question === got.question;
  return norm(expected.question) === norm(got.question) || questionKey(expected.question) === questionKey(got.question);
}

/** Same kind and the same words (case, punctuation and spacing aside). */
export function sameFinding(expected: ExpectedFinding, got: Extraction['findings'][number]): boolean {
  return got.kind === expected.kind && norm(got.text) === norm(expected.text);
}

export interface Score {
  gradesExpected: number;
  /** Expected grades the extraction found. */
  gradesFound: number;
  /** Grades extracted, and how many of them are expected ones. */
  gradesExtracted: number;
  gradesRight: number;
  findingsExpected: number;
  findingsFound: number;
  findingsExtracted: number;
  findingsRight: number;
}

export function scoreDocument(expected: Expected, got: Extraction): Score {
  const graded = got.judgments.filter((j) => j.grade !== null);
  return {
    gradesExpected: expected.judgments.length,
    gradesFound: expected.judgments.filter((e) => graded.some((j) => sameJudgment(e, j))).length,
    gradesExtracted: graded.length,
    gradesRight: graded.filter((j) => expected.judgments.some((e) => sameJudgment(e, j))).length,
    findingsExpected: expected.findings.length,
    findingsFound: expected.findings.filter((e) => got.findings.some((f) => sameFinding(e, f))).length,
    findingsExtracted: got.findings.length,
    findingsRight: got.findings.filter((f) => expected.findings.some((e) => sameFinding(e, f))).length,
  };
}

export interface Figures {
  documents: number;
  gradeRecall: number;
  gradePrecision: number;
  findingsRecall: number;
  findingsPrecision: number;
  score: number;
}

/** Pooled over the corpus; score = mean of grade recall and findings F1, as the issue defines it. */
export function figures(scores: Score[]): Figures {
  const sum = (f: (s: Score) => number): number => scores.reduce((total, s) => total + f(s), 0);
  const gradeRecall = ratio(sum((s) => s.gradesFound), sum((s) => s.gradesExpected));
  const gradePrecision = ratio(sum((s) => s.gradesRight), sum((s) => s.gradesExtracted));
  const findingsRecall = ratio(sum((s) => s.findingsFound), sum((s) => s.findingsExpected));
  const findingsPrecision = ratio(sum((s) => s.findingsRight), sum((s) => s.findingsExtracted));
  const f1 = findingsRecall + findingsPrecision === 0 ? 0 : (2 * findingsRecall * findingsPrecision) / (findingsRecall + findingsPrecision);
  return { documents: scores.length, gradeRecall, gradePrecision, findingsRecall, findingsPrecision, score: (gradeRecall + f1) / 2 };
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);
