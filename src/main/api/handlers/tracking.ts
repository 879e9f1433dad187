import type { trackingCalls, TrackingSettingsView } from '../../../shared/api/tracking';
import { describeRagRules, type TrackingSettings } from '../../../shared/domain/tracking-settings';
import { isOpen } from '../../../shared/domain/register';
import type { HandlersFor } from '../handler-types';
import { todayIso } from '../../tracking/periods';
import { calendarIcs, ICS_MIME } from '../../services/calendar';
import { dueSoon, remindersDue, snoozeReminders } from '../../services/due-soon';
import { attachEvidence, removeEvidence, requireAttachment } from '../../services/evidence';
import { stepFinding } from '../../services/lifecycle';
import { sentFinding } from '../../services/findings';
import { safeFileName } from '../../services/board-papers';

const now = () => new Date().toISOString();

const view = (settings: TrackingSettings): TrackingSettingsView => ({ settings, words: describeRagRules(settings.rag) });


/** Sign-off, reminders, the Due soon view, RAG rules and evidence files. */
export const trackingHandlers: HandlersFor<typeof trackingCalls> = {
  'findings.step': async ({ id, step }, { store }) => sentFinding(store, await stepFinding(store, id, step, now())),
  'findings.dueSoon': async ({ days, owner }, { store }) => dueSoon(store, todayIso(), days, owner),
  'findings.owners': async (_input, { store }) => {
    const counts = new Map<string, { owner: string; open: number }>();
    for (const doc of store.allReportDocs()) {
      for (const f of doc.findings) {
        const owner = f.tracking.owner;
        if (!owner || !isOpen(f.tracking)) continue;
        const key = owner.trim().toLowerCase();
        const entry = counts.get(key) ?? { owner, open: 0 };
        entry.open++;
        counts.set(key, entry);
      }
    }
    return [...counts.values()].sort((a, b) => a.owner.localeCompare(b.owner));
  },
  'tracking.settings': async (_input, { store }) => view(store.index.tracking),
  'tracking.updateSettings': async (settings, { store }) =>
    view(
      await store.updateIndex((index) => {
        index.tracking = settings;
        return index.tracking;
      }),
    ),
  'reminders.due': async (_input, { store }) => remindersDue(store, todayIso(), new Date()),
  'reminders.snooze': async ({ findingIds, days }, { store }) => snoozeReminders(store, findingIds, days, new Date()),
  'reminders.notify': async (_input, { store, notify }) => {
    const due = remindersDue(store, todayIso(), new Date());
    if (!notify || due.items.length === 0) return { shown: false, action: null };
    const parts = [due.overdue ? `${due.overdue} overdue` : '', due.dueSoon ? `${due.dueSoon} due within ${due.noticeDays} days` : ''].filter(Boolean);
    const first = due.items[0]!;
    const action = await notify({
      title: `HMICFRS findings: ${parts.join(', ')}`,
      body: `${first.reference}${first.owner ? ` (${first.owner})` : ''}: ${first.text.slice(0, 120)}${due.items.length > 1 ? ` — and ${due.items.length - 1} more` : ''}`,
    });
    return { shown: true, action };
  },
  'reminders.exportCalendar': async ({ owner }, { store, saveFile }) => {
    const ics = calendarIcs(store, todayIso(), new Date(), owner);
    return saveFile(safeFileName(owner ? `Finding target dates - ${owner}` : 'Finding target dates', 'ics'), ICS_MIME, new TextEncoder().encode(ics));
  },
  'evidence.attach': async ({ id, progressId, file }, { store }) =>
    sentFinding(store, await attachEvidence(store, id, { fileName: file.fileName, bytes: Buffer.from(file.dataBase64, 'base64') }, progressId ?? null, now())),
  'evidence.open': async ({ id, attachmentId, mode }, { store, openFile, saveFile }) => {
    const attachment = requireAttachment(store, id, attachmentId);
    const bytes = await store.readEvidence(attachment.sha256);
    if (mode === 'open' && openFile) {
      await openFile(attachment.name, bytes);
      return { status: 'opened', fileName: attachment.name };
    }
    return saveFile(attachment.name, attachment.mimeType, bytes);
  },
  'evidence.remove': async ({ id, attachmentId }, { store }) => sentFinding(store, await removeEvidence(store, id, attachmentId, now())),
};
