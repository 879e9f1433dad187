import type { FieldChange } from '../../../shared/domain/finding';
import { formatDate } from '../../format';

export { localToday } from '../../format';

export const FIELD_LABELS: Record<string, string> = {
  owner: 'Owner',
  status: 'Status',
  rag: 'RAG',
  due: 'Target date',
  evidence: 'Evidence named',
  attachments: 'Evidence file',
  progress: 'Progress update',
};

/** A recorded old or new value as the history table shows it. */
export function historyValue(change: FieldChange, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if ((change.field === 'due' || change.field === 'progress') && typeof value === 'string') return formatDate(value);
  if (Array.isArray(value)) return value.length ? value.join('; ') : '—';
  return String(value);
}

/** Is the keyboard focus somewhere typing goes, where Ctrl+Z and "/" belong to the field? */
export function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
