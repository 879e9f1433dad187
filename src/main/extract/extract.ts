import type { Extraction } from '../../shared/domain/extraction';
import type { DocumentText } from '../ingest/document-text';
import { anchorer } from './anchors';
import { splitLines } from './lines';
import {
  findForce,
  findInspectionType,
  findInspectorate,
  findKind,
  findPeriod,
  findProgramme,
  findPublished,
  findTitle,
} from './metadata';
import { readQuotes } from './quotes';
import { readStatements } from './stated-changes';
import { readStructure } from './structure';
import { PILLARS } from './vocabulary';

/** Extracts what an inspection document says, every item anchored to its passage in doc.text. */
export function extract(doc: DocumentText): Extraction {
  const lines = splitLines(doc);
  const anchor = anchorer(doc);
  const text = doc.text;
  const structure = readStructure(lines, anchor);
  const kind = findKind(text, lines, structure.judgments.length + structure.findings.length > 0);
  const inspectionType = findInspectionType(text, lines);
  const period = findPeriod(text);
  const published = findPublished(lines);
  const singlePillar = (PILLARS as readonly string[]).includes(inspectionType ?? '') ? inspectionType : null;

  const statements = readStatements(lines, singlePillar, anchor);
  const judgments = [...structure.judgments];
  for (const stated of statements.judgments) {
    if (!judgments.some((j) => j.question === stated.question && (j.pillar === stated.pillar || j.pillar === null))) {
      judgments.push(stated);
    }
  }
  const findings = structure.findings;
  if (singlePillar) {
    for (const item of [...judgments, ...findings]) item.pillar ??= singlePillar;
  }

  return {
    kind,
    force: findForce(text),
    inspectorate: findInspectorate(text, period, published),
    title: findTitle(lines, kind),
    programme: findProgramme(text),
    inspectionType,
    period,
    published,
    judgments: kind === 'press-release' || kind === 'transcript' ? [] : judgments,
    findings: kind === 'press-release' || kind === 'transcript' ? [] : findings,
    quotes: readQuotes(lines, kind, anchor),
    statedChanges: statements.statedChanges,
  };
}
