import { formatDateTime } from '../../../shared/domain/dates';
import type { Note } from '../../../shared/domain/notes';
import type { Command } from '../command';


const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);

export const notesCommand: Command = {
  name: 'notes',
  usage: 'notes add --text "…" [--report ID] [--tag T …] | notes list [--json] [--report ID] [--tag T]',
  summary: 'add a fieldwork note (prints its id), or list the notes, newest first',
  options: {
    text: { type: 'string' },
    report: { type: 'string' },
    tag: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  },
  async run(args, values, io) {
    const [action] = args;
    const reportId = typeof values.report === 'string' ? values.report : undefined;
    if (action === 'add') {
      if (typeof values.text !== 'string' || !values.text.trim()) throw new TypeError('notes add needs --text "…" with the note.');
      const core = await io.open();
      const result = await core.dispatch('notes.create', { text: values.text, tags: asList(values.tag), reportId: reportId ?? null });
      if (!result.ok) throw new Error(result.error.message);
      return io.out(`${(result.value as Note).id}\n`);
    }
    if (action === 'list') {
      const core = await io.open({ readOnly: true });
      const [tag] = asList(values.tag);
      const result = await core.dispatch('notes.list', { reportId, tag });
      if (!result.ok) throw new Error(result.error.message);
      const notes = result.value as Note[];
      if (values.json) return io.out(`${JSON.stringify(notes, null, 2)}\n`);
      if (!notes.length) return io.out('No notes yet. Add one with: liaison notes add --text "…"\n');
      for (const n of notes) {
        const tags = n.tags.length ? `  [${n.tags.join(', ')}]` : '';
        io.out(`${n.id}  ${formatDateTime(n.createdAt)}${tags}\n  ${n.text.replace(/\s*\n\s*/g, ' ')}\n`);
      }
      return;
    }
    throw new TypeError(`notes needs "add" or "list", not ${action ? `"${action}"` : 'nothing'}.`);
  },
};
