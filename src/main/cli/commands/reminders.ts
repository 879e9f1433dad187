import { todayIso } from '../../tracking/periods';
import { calendarIcs } from '../../services/calendar';
import type { Command } from '../command';
import { writeOutput } from '../write-output';

export const remindersCommand: Command = {
  name: 'reminders',
  usage: 'reminders --out F.ics [--owner O]',
  summary: 'write open findings’ target dates as an iCalendar file for Outlook (one event each, with an alarm); prints the path written',
  options: { out: { type: 'string' }, owner: { type: 'string' } },
  async run(_args, values, io) {
    const { store } = await io.open({ readOnly: true });
    const owner = typeof values.owner === 'string' && values.owner.trim() ? values.owner : undefined;
    const ics = calendarIcs(store, todayIso(), new Date(), owner);
    io.out(`${await writeOutput(values.out, '.ics', new TextEncoder().encode(ics))}\n`);
  },
};
