import { DEFAULT_TRACKING_SETTINGS, LEGACY_AWAITING_EVIDENCE } from '../../shared/domain';
import type { Migration } from './migration';

type Json = Record<string, unknown>;

const UPGRADER = 'Liaison Desk (format upgrade)';

function lastStatusChangeTo(history: Json[], status: string): string | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const change = history[i]!;
    if (change.field === 'status' && change.to === status && typeof change.at === 'string') return change.at;
  }
  return null;
}

/** One finding's tracking in format 2. Running it twice changes nothing more. */
export function trackingToV2(raw: Json, at: string): Json {
  const t: Json = { ...raw };
  const history = Array.isArray(t.history) ? [...(t.history as Json[])] : [];
  t.progress = (Array.isArray(t.progress) ? (t.progress as Json[]) : []).map((p) =>
    typeof p.on === 'string' || typeof p.at !== 'string' ? p : { ...p, on: p.at.slice(0, 10) },
  );
  t.attachments ??= [];
  t.proposal ??= null;
  t.resolution ??= null;
  if (t.status === LEGACY_AWAITING_EVIDENCE) {
    t.status = 'Proposed for closure';
    const note = 'Marked “Completed — awaiting evidence” before closure was signed off in Liaison Desk; it now waits for sign-off.';
    t.proposal = { statement: note, by: UPGRADER, at };
    history.push({ at, by: UPGRADER, field: 'status', from: LEGACY_AWAITING_EVIDENCE, to: 'Proposed for closure', note });
  }
  if ((t.status === 'Closed' || t.status === 'Superseded') && t.resolution === null) {
    const when = lastStatusChangeTo(history, t.status) ?? at;
    t.resolution = {
      status: t.status,
      date: when.slice(0, 10),
      reason: `${t.status === 'Closed' ? 'Closed' : 'Superseded'} before Liaison Desk recorded sign-off.`,
      approver: null,
      supersededBy: null,
      by: UPGRADER,
      at,
    };
  }
  t.history = history;
  return t;
}

/**
 * Format 2: sign-off. "Completed — awaiting evidence" becomes "Proposed for closure" (with a proposal
 * saying so), findings already closed or superseded get a resolution with no named approver, progress
 * updates get the date they are about, and the index gets the RAG rules, reminders, update requests and
 * progress papers.
 */
export function migrationTo2(now: () => Date = () => new Date()): Migration {
  return {
    to: 2,
    index: (raw) => ({
      ...raw,
      tracking: raw.tracking ?? DEFAULT_TRACKING_SETTINGS,
      snoozes: raw.snoozes ?? [],
      updateRequests: raw.updateRequests ?? [],
      progressPapers: raw.progressPapers ?? [],
    }),
    report: (raw) => {
      const at = now().toISOString();
      const findings = Array.isArray(raw.findings) ? (raw.findings as Json[]) : [];
      return {
        ...raw,
        findings: findings.map((f) => (f.tracking && typeof f.tracking === 'object' ? { ...f, tracking: trackingToV2(f.tracking as Json, at) } : f)),
      };
    },
  };
}
