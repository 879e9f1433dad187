import { CHECK_BELOW, type FoundBy } from '../../../shared/domain/extraction';

/** How an item was found, as the review says it: "from a table". */
export const FOUND_BY_LABELS: Record<FoundBy, string> = {
  heading: 'from a heading',
  table: 'from a table',
  list: 'from a list',
  sentence: 'from a sentence',
  manual: 'added by you',
};

interface Checkable {
  id: string;
  confidence?: number;
  foundBy?: FoundBy;
  manual?: boolean;
}

/**
 * An item the officer should check: the extractor was less sure of it than CHECK_BELOW, and the officer
 * has neither added nor corrected it (`corrected` holds the targets of the report's corrections,
 * `judgment:<id>` and `finding:<id>`).
 */
export function needsCheck(item: Checkable, type: 'judgment' | 'finding', corrected: ReadonlySet<string>): boolean {
  if (item.confidence === undefined || item.confidence >= CHECK_BELOW || item.manual) return false;
  return !corrected.has(`${type}:${item.id}`);
}

/** "from a table · 62 % sure", or null when the item says nothing of how it was found. */
export function foundByText(item: Checkable): string | null {
  const how = item.foundBy ? FOUND_BY_LABELS[item.foundBy] : null;
  const sure = item.confidence !== undefined && item.foundBy !== 'manual' ? `${Math.round(item.confidence * 100)} % sure` : null;
  return [how, sure].filter(Boolean).join(' · ') || null;
}
