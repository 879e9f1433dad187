import type { DocumentKind } from '../shared/domain/extraction';

export const KIND_LABELS: Record<DocumentKind, string> = {
  'inspection-report': 'Inspection report',
  'press-release': 'Press release',
  transcript: "Inspector's statement",
  'board-paper': 'Board paper',
  other: 'Other document',
};
