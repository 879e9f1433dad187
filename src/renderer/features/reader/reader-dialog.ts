import type { ReextractSummary, TextSelection } from '../../../shared/api/review';
import type { Finding } from '../../../shared/domain/finding';
import type { Judgment } from '../../../shared/domain/report';
import type { FindingDraft } from './FindingDialog';

/** The one dialog the reader may have open. */
export type ReaderDialog =
  | { type: 'judgment'; judgment: Judgment | null }
  | { type: 'remove-judgment'; judgment: Judgment }
  | { type: 'finding'; finding: Finding }
  | { type: 'add-finding'; draft: FindingDraft; selection: TextSelection | null }
  | { type: 'remove-finding'; finding: Finding }
  | { type: 'merge'; findings: Finding[] }
  | { type: 'reextract'; summary: ReextractSummary };
