import type { Command } from '../command';
import type { ReportSummary } from '../../../shared/api/reports';

export const listCommand: Command = {
  name: 'list',
  usage: 'list [--json]',
  summary: 'list the imported documents',
  options: { json: { type: 'boolean' } },
  async run(_args, values, io) {
    const core = await io.open({ readOnly: true, background: true });
    const result = await core.dispatch('reports.list', {});
    if (!result.ok) throw new Error(result.error.message);
    const reports = result.value as ReportSummary[];
    if (values.json) return io.out(`${JSON.stringify(reports, null, 2)}\n`);
    if (!reports.length) return io.out('No documents yet. Import one with: liaison import <file>\n');
    for (const r of reports) io.out(`${r.id}  ${r.kind.padEnd(17)}  ${r.period ?? '—'}  ${r.title}\n`);
  },
};
