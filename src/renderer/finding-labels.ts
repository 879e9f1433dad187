import type { FindingKind } from '../shared/domain/extraction';

export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  'area-for-improvement': 'Area for improvement',
  'cause-of-concern': 'Cause of concern',
  recommendation: 'Recommendation',
};

export const FINDING_KIND_SHORT: Record<FindingKind, string> = {
  'area-for-improvement': 'AFI',
  'cause-of-concern': 'Cause of concern',
  recommendation: 'Recommendation',
};
