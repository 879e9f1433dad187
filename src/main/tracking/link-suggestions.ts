import type { Finding, FindingLink } from '../../shared/domain/finding';
import type { Report } from '../../shared/domain/report';
import { areCopies } from '../../shared/domain/report-identity';
import { isEarlierInspection, sameForce } from './inspections';
import { canonicalLine, questionKey } from '../../shared/domain/question-key';
import { contentStems } from '../../shared/domain/text-terms';

export type LinkSuggestion = { earlierId: string; laterId: string; score: number };

/** Below this a pair is not worth the officer's time; tuned on the 2016, 2017 and 2018/19 findings. */
export const LINK_THRESHOLD = 0.25;

/** Weight of a term found in only one finding, relative to shared terms. */
const UNIQUE_TERM_WEIGHT = 0.5;
/** Bonus when both findings sit under the same question or component. */
const SAME_QUESTION_BONUS = 0.1;
/** Bonus when the later report says the finding remains from an earlier inspection. */
const CARRIED_OVER_BONUS = 0.1;
/** A finding rarely moves to another pillar between inspections, so a cross-pillar pair keeps half its score. */
const OTHER_PILLAR_FACTOR = 0.5;
/** At most this many earlier findings are offered for one later finding. */
const PER_FINDING = 3;

/** Words every finding uses ("The force should ensure …"), which would make all findings look alike. */
const FINDING_STOP_WORDS = new Set([
  'force',
  'forces',
  'should',
  'ensure',
  'ensuring',
  'improve',
  'need',
  'needs',
  'make',
  'sure',
  'including',
  'particularly',
  'hmic',
  'hmicfrs',
  'constabulary',
  'cambridgeshire',
  'effective',
  'effectively',
  // "in line with …"
  'line',
]);

/**
 * Content-word stems plus each unordered pair of neighbouring stems, so that "national vetting
 * guidelines" and "national guidelines for vetting" share more than two loose words would.
 * Numbers (years, counts) say nothing about the subject.
 */
function features(text: string): string[] {
  const stems = contentStems(text, FINDING_STOP_WORDS).filter((t) => !/^\d+$/.test(t));
  const pairs: string[] = [];
  for (let i = 1; i < stems.length; i++) {
    const a = stems[i - 1] as string;
    const b = stems[i] as string;
    if (a !== b) pairs.push(a < b ? `${a}+${b}` : `${b}+${a}`);
  }
  return [...stems, ...pairs];
}

function pillarOf(finding: Finding, key: string | null): string | null {
  const fromQuestion = key ? canonicalLine(key)?.pillar : undefined;
  if (fromQuestion) return fromQuestion;
  const fromPillar = finding.pillar ? canonicalLine(questionKey(finding.pillar)) : undefined;
  return fromPillar?.kind === 'pillar' ? fromPillar.pillar : null;
}

type Vector = Map<string, number>;

function tfIdfVectors(findings: readonly Finding[]): Vector[] {
  const termLists = findings.map((f) => features(f.text));
  const df = new Map<string, number>();
  for (const terms of termLists) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = findings.length;
  return termLists.map((terms) => {
    const v: Vector = new Map();
    for (const t of terms) v.set(t, (v.get(t) ?? 0) + 1);
    let norm = 0;
    for (const [t, tf] of v) {
      const d = df.get(t) ?? 0;
      // A term no other finding uses cannot show which finding this one continues; at full weight it would
      // only drown the shared subject words of a long finding.
      const w = tf * (Math.log((n + 1) / (d + 1)) + 1) * (d > 1 ? 1 : UNIQUE_TERM_WEIGHT);
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
}

/**
 * Pairs of findings that look like the same finding in a strictly earlier and a later inspection of the same
 * force (never a report and its copy or version):
 * TF-IDF cosine over content-word stems and neighbouring pairs of them, plus a bonus for the same question
 * and for a later finding the report says remains, halved when the two sit under different pillars. Pairs already linked in any state (confirmed, suggested or rejected) are left out;
 * each later finding gets at most three earlier candidates. Best first.
 */
export function suggestLinks(
  findings: readonly Finding[],
  reports: readonly Report[],
  existing: readonly FindingLink[],
): LinkSuggestion[] {
  const reportById = new Map(reports.map((r) => [r.id, r]));
  const usable = findings.filter((f) => reportById.has(f.reportId));
  const vectors = tfIdfVectors(usable);
  const keys = usable.map((f) => (f.question ? questionKey(f.question) : null));
  const pillars = usable.map((f, i) => pillarOf(f, keys[i] ?? null));
  const known = new Set(existing.flatMap((l) => [`${l.earlierId}|${l.laterId}`, `${l.laterId}|${l.earlierId}`]));

  // Dot products through an inverted index, so only findings that share a term are ever compared.
  const postings = new Map<string, Array<[number, number]>>();
  vectors.forEach((v, i) => {
    for (const [t, w] of v) {
      const list = postings.get(t) ?? [];
      list.push([i, w]);
      postings.set(t, list);
    }
  });
  const reportOf = usable.map((f) => reportById.get(f.reportId) as Report);
  const copyPairs = new Map<string, boolean>();
  const copies = (a: Report, b: Report): boolean => {
    const key = `${a.id}|${b.id}`;
    let known = copyPairs.get(key);
    if (known === undefined) copyPairs.set(key, (known = areCopies(a, b)));
    return known;
  };

  const suggestions: LinkSuggestion[] = [];
  usable.forEach((later, li) => {
    const laterReport = reportOf[li] as Report;
    const dots = new Map<number, number>();
    for (const [t, w] of vectors[li] as Vector) {
      for (const [ei, we] of postings.get(t) ?? []) if (ei !== li) dots.set(ei, (dots.get(ei) ?? 0) + w * we);
    }
    const candidates: LinkSuggestion[] = [];
    for (const [ei, dot] of dots) {
      const earlier = usable[ei] as Finding;
      const earlierReport = reportOf[ei] as Report;
      if (earlierReport.id === laterReport.id) continue;
      if (!isEarlierInspection(earlierReport, laterReport) || !sameForce(earlierReport, laterReport)) continue;
      // A copy of the later report in another format, or one kept as a separate report, is not an earlier inspection.
      if (copies(earlierReport, laterReport)) continue;
      if (known.has(`${earlier.id}|${later.id}`)) continue;
      let score = dot;
      const ek = keys[ei];
      if (ek && ek === keys[li]) score += SAME_QUESTION_BONUS;
      if (later.carriedOver) score += CARRIED_OVER_BONUS;
      const ep = pillars[ei];
      const lp = pillars[li];
      if (ep && lp && ep !== lp) score *= OTHER_PILLAR_FACTOR;
      score = Math.min(1, score);
      if (score >= LINK_THRESHOLD) candidates.push({ earlierId: earlier.id, laterId: later.id, score });
    }
    candidates.sort((a, b) => b.score - a.score);
    suggestions.push(...candidates.slice(0, PER_FINDING));
  });
  return suggestions.sort((a, b) => b.score - a.score);
}

/**
 * Confirmed links as chains, earliest finding first: each chain is one finding's life across inspections.
 * Where a finding was split (one earlier, two later) or merged, each path is its own chain.
 */
export function linkChains(links: readonly FindingLink[]): string[][] {
  const next = new Map<string, string[]>();
  const hasEarlier = new Set<string>();
  const nodes = new Set<string>();
  for (const l of links) {
    if (l.state !== 'confirmed' || l.earlierId === l.laterId) continue;
    const list = next.get(l.earlierId) ?? [];
    if (!list.includes(l.laterId)) list.push(l.laterId);
    next.set(l.earlierId, list);
    hasEarlier.add(l.laterId);
    nodes.add(l.earlierId);
    nodes.add(l.laterId);
  }
  const chains: string[][] = [];
  const reached = new Set<string>();
  const walk = (path: string[]): void => {
    const last = path[path.length - 1] as string;
    reached.add(last);
    // A link pointing back into the path (bad data) would loop for ever; the path ends there instead.
    const onward = (next.get(last) ?? []).filter((id) => !path.includes(id));
    if (onward.length === 0) chains.push(path);
    else for (const id of onward) walk([...path, id]);
  };
  for (const id of nodes) if (!hasEarlier.has(id)) walk([id]);
  // Findings only reachable round a cycle have no earliest member; start from the first seen.
  for (const id of nodes) if (!reached.has(id)) walk([id]);
  return chains;
}
