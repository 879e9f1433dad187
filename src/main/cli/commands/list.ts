import type { Command } from '../command';
import type { ReportSummary } from '../../../shared/api/reports';
import { reportLabels } from '../../../shared/domain/report-label';

export const listCommand: Command = {
  name: 'list',
  usage: 'list [--json] [--all]',
  summary: 'list the imported documents (--all: archived and superseded ones too)',
  options: { json: { type: 'boolean' }, all: { type: 'boolean' } },
  async run(_args, values, io) {
    const core = await io.open({ readOnly: true, background: true });
    const result = await core.dispatch('reports.list', { all: values.all === true });
    if (!result.ok) throw new Error(result.error.message);
    const reports = result.value as ReportSummary[];
    if (values.json) return io.out(`${JSON.stringify(reports, null, 2)}\n`);
    if (!reports.length) return io.out('No documents yet. Import one with: liaison import <file>\n');
    const labels = reportLabels(reports);
    for (const r of reports) {
      const status = r.status && r.status !== 'active' ? `  [${r.status}]` : '';
      io.out(`${r.id}  ${r.kind.padEnd(17)}  ${r.period ?? '—'}  ${labels.get(r.id) ?? r.title}${status}\n`);
    }
  },
};
