import { randomUUID } from 'node:crypto';
import type { ReextractSummary } from '../../shared/api/review';
import type { Extraction, ExtractedFinding, ExtractedJudgment } from '../../shared/domain/extraction';
import { newTracking, type Finding } from '../../shared/domain/finding';
import type { Judgment, Quote, ReportMeta } from '../../shared/domain/report';
import type { ReportDoc } from '../store/schema';
import {
  findingTarget,
  hasTracking,
  judgmentTarget,
  originalText,
  originalValue,
  reportTarget,
  wasAdded,
} from './corrections';

/** The metadata fields extraction fills; webAddress and aboutReportId are the officer's alone. */
const EXTRACTED_META = ['kind', 'title', 'force', 'inspectorate', 'programme', 'inspectionType', 'period', 'published'] as const;
const JUDGMENT_FIELDS = ['pillar', 'question', 'grade', 'lastInspected', 'foundBy', 'confidence'] as const;
const FINDING_FIELDS = ['text', 'kind', 'pillar', 'question', 'carriedOver', 'leadIn', 'addressee', 'due', 'foundBy', 'confidence'] as const;

/** Findings and judgments are recognised across extractions by their wording, ignoring case, spacing and quote styles. */
export function matchKey(text: string | null): string {
  return (text ?? '')
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

const judgmentKey = (pillar: unknown, question: unknown) =>
  `${matchKey(typeof pillar === 'string' ? pillar : null)}|${matchKey(typeof question === 'string' ? question : null)}`;

/**
 * Merges a fresh extraction into a report's document (a draft) so that nothing the officer did is lost:
 * corrected fields keep the corrected value, added findings and judgments stay, removed ones stay removed,
 * findings found again keep their id and tracking, and findings no longer found are kept if anything
 * refers to them (tracking, links, corrections). `linked` holds ids of findings linked across reports.
 */
export function mergeExtraction(draft: ReportDoc, extraction: Extraction, linked: ReadonlySet<string>): ReextractSummary {
  const corrected = (target: string, field: string) => draft.report.corrections.some((c) => c.target === target && c.field === field);
  const correctedAny = (target: string) => draft.report.corrections.some((c) => c.target === target);

  const fieldsUpdated: string[] = [];
  const fieldsKept: string[] = [];
  for (const field of EXTRACTED_META) {
    const next = field === 'title' ? (extraction.title ?? draft.report.title) : extraction[field];
    if (corrected(reportTarget, field)) {
      if (next !== draft.report[field]) fieldsKept.push(field);
      continue;
    }
    if (next !== draft.report[field]) {
      (draft.report as ReportMeta)[field] = next as never;
      fieldsUpdated.push(field);
    }
  }

  const judgments = mergeJudgments(draft, extraction.judgments, corrected, correctedAny);
  const findings = mergeFindings(draft, extraction.findings, linked, corrected, correctedAny);
  draft.report.quotes = mergeQuotes(draft.report.quotes, extraction.quotes);
  draft.report.statedChanges = extraction.statedChanges;

  const summary = { fieldsUpdated, fieldsKept, judgments, findings };
  return { ...summary, lines: describe(summary) };
}

type Corrected = (target: string, field: string) => boolean;
type CorrectedAny = (target: string) => boolean;

function mergeJudgments(draft: ReportDoc, extracted: ExtractedJudgment[], corrected: Corrected, correctedAny: CorrectedAny) {
  const counts = { added: 0, removed: 0, kept: 0, updated: 0 };
  const old = draft.report.judgments;
  const removedKeys = new Set(
    draft.report.corrections
      .filter((c) => c.field === 'removed' && c.target.startsWith('judgment:') && !draft.report.corrections.some((a) => a.target === c.target && a.field === 'added'))
      .map((c) => {
        const from = (c.from ?? {}) as { pillar?: unknown; question?: unknown };
        return judgmentKey(from.pillar, from.question);
      }),
  );
  const originalKey = (j: Judgment) => {
    const target = judgmentTarget(j.id);
    return judgmentKey(originalValue(draft, target, 'pillar', j.pillar), originalValue(draft, target, 'question', j.question));
  };
  const used = new Set<string>();
  const next: Judgment[] = [];
  for (const fresh of extracted) {
    const key = judgmentKey(fresh.pillar, fresh.question);
    if (removedKeys.has(key)) continue;
    const match = old.find((j) => !used.has(j.id) && !wasAdded(draft, j.id) && originalKey(j) === key);
    if (!match) {
      next.push({ ...fresh, id: randomUUID() });
      counts.added += 1;
      continue;
    }
    used.add(match.id);
    const target = judgmentTarget(match.id);
    const merged: Judgment = { ...match, anchor: fresh.anchor };
    for (const field of JUDGMENT_FIELDS) {
      if (!corrected(target, field)) (merged as Record<string, unknown>)[field] = fresh[field];
    }
    if (JSON.stringify(merged) !== JSON.stringify(match)) counts.updated += 1;
    next.push(merged);
  }
  const keep = (j: Judgment) => wasAdded(draft, j.id) || correctedAny(judgmentTarget(j.id));
  for (const j of old) {
    if (used.has(j.id)) continue;
    if (keep(j)) counts.kept += 1;
    else counts.removed += 1;
  }
  draft.report.judgments = weave(old, next, (j) => !used.has(j.id) && keep(j));
  return counts;
}

function mergeFindings(
  draft: ReportDoc,
  extracted: ExtractedFinding[],
  linked: ReadonlySet<string>,
  corrected: Corrected,
  correctedAny: CorrectedAny,
) {
  const counts = { matched: 0, added: 0, removed: 0, keptManual: 0, keptNotFound: 0, stillRemoved: 0 };
  const old = [...draft.findings].sort((a, b) => a.order - b.order);
  const removedTexts = new Set(
    draft.report.corrections
      .filter((c) => c.field === 'removed' && c.target.startsWith('finding:') && !draft.report.corrections.some((a) => a.target === c.target && a.field === 'added'))
      .map((c) => matchKey(typeof c.from === 'string' ? c.from : null)),
  );
  const candidates = new Map<string, Finding[]>();
  for (const f of old) {
    if (f.manual) continue;
    const key = matchKey(originalText(draft, f));
    candidates.set(key, [...(candidates.get(key) ?? []), f]);
  }
  const used = new Set<string>();
  const next: Finding[] = [];
  for (const fresh of extracted) {
    const key = matchKey(fresh.text);
    const match = candidates.get(key)?.find((f) => !used.has(f.id));
    if (!match) {
      if (removedTexts.has(key)) {
        counts.stillRemoved += 1;
        continue;
      }
      next.push({ ...fresh, id: randomUUID(), reportId: draft.report.id, order: 0, manual: false, tracking: newTracking() });
      counts.added += 1;
      continue;
    }
    used.add(match.id);
    counts.matched += 1;
    const target = findingTarget(match.id);
    const merged: Finding = { ...match, anchor: corrected(target, 'text') ? match.anchor : fresh.anchor };
    for (const field of FINDING_FIELDS) {
      if (!corrected(target, field)) (merged as Record<string, unknown>)[field] = fresh[field];
    }
    next.push(merged);
  }
  const keep = (f: Finding) => f.manual || hasTracking(f) || linked.has(f.id) || correctedAny(findingTarget(f.id));
  for (const f of old) {
    if (used.has(f.id)) continue;
    if (f.manual) counts.keptManual += 1;
    else if (keep(f)) counts.keptNotFound += 1;
    else counts.removed += 1;
  }
  const woven = weave(old, next, (f) => !used.has(f.id) && keep(f));
  woven.forEach((f, order) => (f.order = order));
  draft.findings = woven;
  return counts;
}

function mergeQuotes(old: Quote[], extracted: Extraction['quotes']): Quote[] {
  const used = new Set<string>();
  return extracted.map((fresh) => {
    const same = old.find((q) => !used.has(q.id) && matchKey(q.text) === matchKey(fresh.text));
    if (same) used.add(same.id);
    return { ...fresh, id: same?.id ?? randomUUID() };
  });
}

/**
 * Puts the items kept from the old list back among the new one, each just after the item that came
 * before it in the old list, so a finding added by hand stays where the officer put it.
 */
export function weave<T extends { id: string }>(old: T[], next: T[], carry: (item: T) => boolean): T[] {
  const result = [...next];
  let previousId: string | null = null;
  for (const item of old) {
    if (carry(item)) {
      const at = previousId === null ? 0 : result.findIndex((r) => r.id === previousId) + 1;
      result.splice(at, 0, item);
    }
    if (result.some((r) => r.id === item.id)) previousId = item.id;
  }
  return result;
}

const LABELS: Record<string, string> = {
  kind: 'kind',
  title: 'title',
  force: 'force',
  inspectorate: 'inspectorate',
  programme: 'programme',
  inspectionType: 'inspection type',
  period: 'period',
  published: 'publication date',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function describe(s: Omit<ReextractSummary, 'lines'>): string[] {
  const lines: string[] = [];
  lines.push(
    s.fieldsUpdated.length
      ? `Updated from the source: ${s.fieldsUpdated.map((f) => LABELS[f] ?? f).join(', ')}.`
      : 'No document details changed.',
  );
  if (s.fieldsKept.length) lines.push(`Kept your corrections to: ${s.fieldsKept.map((f) => LABELS[f] ?? f).join(', ')}.`);
  const j = s.judgments;
  lines.push(
    `Judgments: ${plural(j.updated, 'updated', 'updated')}, ${plural(j.added, 'new', 'new')}, ${plural(j.removed, 'no longer found', 'no longer found')}, ${plural(j.kept, 'kept because you added or corrected it', 'kept because you added or corrected them')}.`,
  );
  const f = s.findings;
  lines.push(
    `Findings: ${plural(f.matched, 'found again', 'found again')} (with their tracking), ${plural(f.added, 'new', 'new')}, ${plural(f.removed, 'no longer found', 'no longer found')}.`,
  );
  if (f.keptManual) lines.push(`${plural(f.keptManual, 'finding you added was', 'findings you added were')} kept.`);
  if (f.keptNotFound) {
    lines.push(
      `${plural(f.keptNotFound, 'finding no longer found in the source was', 'findings no longer found in the source were')} kept because ${f.keptNotFound === 1 ? 'it has' : 'they have'} tracking, links or corrections.`,
    );
  }
  if (f.stillRemoved) lines.push(`${plural(f.stillRemoved, 'finding you removed stays', 'findings you removed stay')} removed.`);
  return lines;
}
