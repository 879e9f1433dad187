import { RESOLVED_STATUSES, progressDate, type Finding, type Rag, type Tracking } from '../../shared/domain/finding';
import type { Report } from '../../shared/domain/report';
import type { RagRules } from '../../shared/domain/tracking-settings';
import { dateInWords, parseLooseDate } from '../paper/dates';

const DAY = 86_400_000;

/** One string made once and kept (up to 10,000): a register of thousands of findings shares a few hundred. */
function kept(cache: Map<string, string>, key: string, make: (key: string) => string): string {
  let value = cache.get(key);
  if (value === undefined) {
    value = make(key);
    if (cache.size > 10_000) cache.clear();
    cache.set(key, value);
  }
  return value;
}

/** Dates in words: the target dates are a few hundred. */
const wordsOf = new Map<string, string>();
const inWords = (iso: string): string => kept(wordsOf, iso, dateInWords);
const days = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

/** The day a report was published (a month alone counts from its first day), else the day it was imported. */
export function publishedOn(report: Pick<Report, 'published' | 'importedAt'>): string {
  const p = parseLooseDate(report.published);
  if (!p) return report.importedAt.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day ?? 1)}`;
}

export interface DerivedRag {
  rag: Rag | null;
  /** The rule that decided it, in words. */
  reason: string;
}

/**
 * The RAG the written rules give a finding today: Red before Amber before Green; resolved findings have
 * none. `published` is the ISO day its report came out (publishedOn).
 */
export function deriveRag(t: Pick<Tracking, 'status' | 'owner' | 'due' | 'progress'>, published: string, rules: RagRules, today: string): DerivedRag {
  if ((RESOLVED_STATUSES as readonly string[]).includes(t.status)) return { rag: null, reason: `A finding that is ${t.status.toLowerCase()} has no RAG.` };
  if (rules.redWhenOverdue && t.due !== null && t.due < today) {
    return { rag: 'Red', reason: `Red: its target date, ${inWords(t.due)}, has passed.` };
  }
  if (rules.redNoOwnerDays !== null && t.owner === null && daysBetween(published, today) >= rules.redNoOwnerDays) {
    return { rag: 'Red', reason: `Red: no owner ${days(rules.redNoOwnerDays)} after the report was published (${inWords(published)}).` };
  }
  const within = rules.amberDueWithinDays;
  const quiet = rules.amberNoUpdateDays;
  if (within !== null || quiet !== null) {
    const dueSoon = within === null || (t.due !== null && t.due >= today && daysBetween(today, t.due) <= within);
    const last = t.progress.reduce<string | null>((latest, p) => (latest === null || progressDate(p) > latest ? progressDate(p) : latest), null);
    const silent = quiet === null || daysBetween(last ?? published, today) >= quiet;
    if (dueSoon && silent) {
      const parts: string[] = [];
      if (within !== null && t.due) parts.push(`due on ${inWords(t.due)}, within ${days(within)}`);
      if (quiet !== null) parts.push(last ? `no progress update for ${days(quiet)} (the last is dated ${inWords(last)})` : `no progress update in ${days(quiet)} since publication`);
      return { rag: 'Amber', reason: `Amber: ${parts.join(', and ')}.` };
    }
  }
  return { rag: 'Green', reason: 'Green: on track.' };
}

/**
 * The finding as main sends it out: `tracking.rag` is the rating that applies, the officer's own when they
 * set one (it overrides the rules, and says so), else the rules'.
 */
export function withRag(finding: Finding, published: string, rules: RagRules, today: string): Finding {
  const derived = deriveRag(finding.tracking, published, rules, today);
  const manual = finding.tracking.rag;
  const rag: Pick<Tracking, 'rag' | 'ragSource' | 'ragReason'> =
    manual !== null
      ? {
          rag: manual,
          ragSource: 'manual',
          ragReason: shared(`Set by hand, overriding the rules (which give ${derived.rag ? `${derived.rag}: ${derived.reason.replace(/^\w+: /, '')}` : 'no RAG'}).`),
        }
      : { rag: derived.rag, ragSource: 'derived', ragReason: shared(derived.reason) };
  // Object.assign rather than a spread with keys added: V8 gives such a spread copy a roomy property store,
  // about 400 bytes more for each finding, 40 MB in a register of 100,000 findings.
  return { ...finding, tracking: Object.assign({}, finding.tracking, rag) };
}

/** Reasons, one copy of each: a register of thousands of findings has a few dozen different ones. */
const reasons = new Map<string, string>();
const shared = (reason: string): string => kept(reasons, reason, (r) => r);
