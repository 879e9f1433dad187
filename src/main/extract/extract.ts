import type { ExtractedJudgment, Extraction } from '../../shared/domain/extraction';
import type { DocumentText } from '../ingest/document-text';
import { anchorer } from './anchors';
import { judgmentKey } from './areas';
import { readGradeGroups } from './judgment-groups';
import { readNamedGrades } from './judgment-lines';
import { readSentenceJudgments } from './judgment-sentences';
import { readJudgmentTables } from './judgment-tables';
import { splitLines } from './lines';
import { findForce, findInspectionType, findInspectorate, findKind, findPeriod, findProgramme, findPublished, findTitle } from './metadata';
import { readQuotes } from './quotes';
import { readStatements } from './stated-changes';
import { readStructure } from './structure';
import { normaliseForCompare, PILLARS } from './vocabulary';

/** Confidence left on a judgment another reading of the same area contradicts: the officer should look. */
const CONTRADICTED = 0.5;

/**
 * Extracts what an inspection document says, every item anchored to its passage in doc.text and marked with
 * how it was found and how sure the reading is. Grades come from headings, tables, lists grouped by grade
 * and name–grade lines; sentences are read for grades only where the document lays none out (press
 * releases, PCC and news pages, minutes). Findings are kept for reports and board papers only: a press
 * release's or a minute's account of them repeats the report's.
 */
export function extract(doc: DocumentText): Extraction {
  const lines = splitLines(doc);
  const anchor = anchorer(doc);
  const text = doc.text;
  const published = findPublished(lines);
  const programme = findProgramme(text, lines);
  // A thematic, joint or national report covers no PEEL period, whatever earlier inspections it cites.
  const period = programme === 'PEEL' || programme === null ? findPeriod(text, lines) : null;
  const inspectionType = findInspectionType(text, lines, programme, period);
  const singlePillar = (PILLARS as readonly string[]).includes(inspectionType ?? '') ? inspectionType : null;
  const context = { pillar: singlePillar, period };

  const tables = readJudgmentTables(lines, anchor);
  const groups = readGradeGroups(lines, anchor);
  const named = readNamedGrades(lines, anchor, context);
  const graded = [...groups.judgments, ...named];
  // A revisit restates recommendations "within three months" of the original report, not of the revisit.
  const from = inspectionType === 'Revisit' ? null : published;
  const structure = readStructure({ lines, anchor, tables, consumed: groups.consumed, graded, published: from });
  const laidOut = [...structure.judgments, ...groups.judgments];
  const national = programme === 'Thematic' || programme === 'National' || programme === 'Joint';
  const stated = !national && laidOut.length + named.length < 2 ? readSentenceJudgments(lines, anchor, context) : [];
  const kind = findKind(text, lines, laidOut.length + structure.findings.length > 0, stated.length > 0);
  const statements = readStatements(lines, singlePillar, anchor);
  // Leadership (2015–2017) had a narrative judgment only; revisits and cause-of-concern letters grade nothing.
  const ungraded = kind === 'inspection-report' && ['Leadership', 'Revisit', 'Cause of concern'].includes(inspectionType ?? '');
  const sentences = kind !== 'transcript' && kind !== 'board-paper' && !ungraded ? stated : [];

  const judgments = merge([...laidOut, ...named, ...statements.judgments, ...sentences]);
  const findings = kind === 'inspection-report' || kind === 'board-paper' ? structure.findings : [];
  if (singlePillar) {
    for (const item of [...judgments, ...findings]) item.pillar ??= singlePillar;
  }

  return {
    kind,
    force: findForce(text, programme),
    inspectorate: findInspectorate(text, period, published),
    title: findTitle(lines, kind),
    programme,
    inspectionType,
    period,
    published,
    judgments: kind === 'transcript' ? [] : judgments,
    findings,
    quotes: readQuotes(lines, kind, anchor),
    statedChanges: statements.statedChanges,
  };
}

/**
 * One judgment per area, the first reading kept; a later reading that gives another grade marks it to check.
 * Two headed questions the vocabulary files under one area (2015's "understand its demand" and "use its
 * resources to meet its demand") are two judgments.
 */
function merge(candidates: ExtractedJudgment[]): ExtractedJudgment[] {
  const kept = new Map<string, ExtractedJudgment>();
  for (const candidate of candidates) {
    let key = judgmentKey(candidate);
    const already = kept.get(key);
    if (already && already.foundBy === 'heading' && candidate.foundBy === 'heading' && !sameWording(already, candidate)) {
      key = `${key}|${candidate.question ?? ''}`;
    }
    const same = kept.get(key);
    if (!same) kept.set(key, candidate);
    else if (same.grade !== candidate.grade && candidate.grade && same.grade) {
      same.confidence = Math.min(same.confidence ?? 1, CONTRADICTED);
    }
  }
  return [...kept.values()];
}

const sameWording = (a: ExtractedJudgment, b: ExtractedJudgment): boolean =>
  normaliseForCompare(a.question ?? a.pillar ?? '') === normaliseForCompare(b.question ?? b.pillar ?? '');
