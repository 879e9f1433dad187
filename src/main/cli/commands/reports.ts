import type { ReportImpact, ReportSummary } from '../../../shared/api/reports';
import { AppError } from '../../../shared/api/result';
import type { Command } from '../command';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What goes with a report, in the words the app's confirmation uses. */
export function impactLines(impact: ReportImpact): string[] {
  return [
    `${plural(impact.findings, 'finding')} with their tracking (${plural(impact.trackedFindings, 'tracked finding')}, ${plural(impact.progressUpdates, 'progress update')})`,
    plural(impact.annotations, 'annotation'),
    plural(impact.papers, 'board paper'),
    plural(impact.links, 'link to findings of other inspections', 'links to findings of other inspections'),
    plural(impact.files, 'stored file'),
    `kept, without their link: ${plural(impact.linkedNotes, 'linked note')}, ${plural(impact.supportingDocuments, 'supporting document')}`,
  ];
}

export const reportsCommand: Command = {
  name: 'reports',
  usage: 'reports archive <id> | reports supersede <id> --by <id> | reports activate <id> | reports delete <id> [--yes]',
  summary:
    'archive a report (hidden from lists, the register and the dashboard, nothing lost), mark it superseded by another, make it active again, or delete it (says first what goes with it; --yes to do it)',
  options: { by: { type: 'string' }, yes: { type: 'boolean' } },
  async run([action, id], values, io) {
    if (!action || !['archive', 'supersede', 'activate', 'delete'].includes(action)) {
      throw new AppError('invalid-input', 'say what to do: reports archive|supersede|activate|delete <id>');
    }
    if (!id) throw new AppError('invalid-input', `reports ${action} needs the report's id (liaison list --all shows them)`);
    const core = await io.open();
    const call = async <T>(name: Parameters<typeof core.dispatch>[0], input: unknown): Promise<T> => {
      const result = await core.dispatch(name, input);
      if (!result.ok) throw new AppError(result.error.code, result.error.message);
      return result.value as T;
    };
    if (action === 'delete') {
      const impact = await call<ReportImpact>('reports.impact', { id });
      if (values.yes !== true) {
        io.out(`Deleting ${id} would remove:\n${impactLines(impact).map((l) => `  ${l}\n`).join('')}Nothing was deleted. Add --yes to delete it, or archive it instead: liaison reports archive ${id}\n`);
        return;
      }
      await call('reports.delete', { id });
      io.out(`${id}  deleted\n`);
      return;
    }
    if (action === 'supersede' && typeof values.by !== 'string') throw new AppError('invalid-input', 'reports supersede needs --by <id> of the report that takes its place');
    const status = action === 'archive' ? 'archived' : action === 'supersede' ? 'superseded' : 'active';
    const summary = await call<ReportSummary>('reports.setStatus', { id, status, ...(status === 'superseded' ? { by: values.by } : {}) });
    io.out(`${summary.id}  ${summary.status}${summary.supersededBy ? ` by ${summary.supersededBy}` : ''}  ${summary.title}\n`);
  },
};
