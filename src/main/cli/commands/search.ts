import type { SearchHit } from '../../../shared/api/search';
import type { Command } from '../command';
import { searchSettled } from '../../services/search';

const KIND_LABELS: Record<SearchHit['kind'], string> = { report: 'report', finding: 'finding', annotation: 'annotation', note: 'note', text: 'in text' };

export const searchCommand: Command = {
  name: 'search',
  usage: 'search "query" [--json] [--limit N]',
  summary: 'search reports, findings, annotations, notes and the report texts; best matches first',
  options: { json: { type: 'boolean' }, limit: { type: 'string' } },
  async run(args, values, io) {
    const q = args.join(' ').trim();
    if (!q) throw new TypeError('search needs the words to look for, e.g. liaison search "vetting".');
    const limit = typeof values.limit === 'string' ? Number(values.limit) : 20;
    const core = await io.open({ readOnly: true, background: true });
    // A command is asked once: it answers from the whole store, the report texts included, not from what is ready first.
    await searchSettled(core.store);
    const result = await core.dispatch('search.query', { q, limit });
    if (!result.ok) throw new Error(result.error.message);
    const hits = result.value as SearchHit[];
    if (values.json) return io.out(`${JSON.stringify(hits, null, 2)}\n`);
    if (!hits.length) return io.out(`Nothing found for “${q}”.\n`);
    for (const h of hits) {
      const where = h.reportTitle && h.kind !== 'report' && h.kind !== 'text' ? ` — ${h.reportTitle}` : '';
      // A passage of a report's text is named by its report and where it is in the text.
      const at = h.anchor ? `report ${h.id}, characters ${h.anchor.start}–${h.anchor.end}` : `id ${h.id}`;
      io.out(`${KIND_LABELS[h.kind].padEnd(10)}  ${h.title}${where}\n            ${h.snippet}\n            ${at}\n`);
    }
  },
};
