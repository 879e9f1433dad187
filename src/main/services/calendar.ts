import ical, { ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import type { Store } from '../store/repository';
import { dateInWords } from '../paper/dates';
import { dueItems } from './due-soon';
import { requireFinding } from './findings';

export const ICS_MIME = 'text/calendar';

const excerpt = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1).trimEnd()}…` : text);

/**
 * Open findings' target dates as an iCalendar file (RFC 5545) for Outlook: one all-day VEVENT per finding
 * on its target date, with a display alarm `alarmDaysBefore` days ahead. Each event's UID is the finding's
 * id, and its SEQUENCE grows with every recorded change, so importing a newer file updates the events
 * rather than adding copies. `owner` keeps one owner's findings.
 */
export function calendarIcs(store: Store, today: string, now: Date, owner?: string): string {
  const { alarmDaysBefore } = store.index.tracking.reminders;
  const force = store.index.settings.forceName;
  const calendar = ical({
    name: owner ? `HMICFRS findings: ${owner}` : `HMICFRS findings (${force})`,
    prodId: { company: 'Liaison Desk', product: 'Liaison Desk', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const item of dueItems(store, today, '9999-12-31', owner)) {
    const { finding } = requireFinding(store, item.findingId);
    const lines = [
      item.text,
      '',
      `Reference: ${item.reference}`,
      `Report: ${item.reportTitle}`,
      `Owner: ${item.owner ?? 'no owner yet'}`,
      `Status: ${item.status}`,
      `Target date: ${dateInWords(item.due)}`,
    ];
    const latest = finding.tracking.progress.at(-1);
    if (latest) lines.push(`Latest update (${dateInWords(latest.on ?? latest.at.slice(0, 10))}): ${latest.text}`);
    calendar.createEvent({
      id: `${item.findingId}@liaison-desk`,
      sequence: finding.tracking.history.length,
      stamp: now,
      start: new Date(`${item.due}T00:00:00.000Z`),
      allDay: true,
      summary: `${item.reference} due: ${excerpt(item.text, 90)}`,
      description: lines.join('\n'),
      categories: [{ name: 'HMICFRS' }],
      alarms: [{ type: ICalAlarmType.display, trigger: alarmDaysBefore * 86_400, description: `${item.reference} is due on ${dateInWords(item.due)}` }],
    });
  }
  return calendar.toString();
}
