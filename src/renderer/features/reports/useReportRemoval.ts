import { useCallback } from 'react';
import type { ReportSummary } from '../../../shared/api/reports';
import type { ReportStatus } from '../../../shared/domain/report';
import { useAction } from '../../hooks/data';
import { useUndoable } from '../undo/useUndoable';
import type { RemoveAction } from './RemoveReportDialog';

type Status = { status: 'active' } | { status: 'archived' } | { status: 'superseded'; by: string };

const statusOf = (report: ReportSummary): Status =>
  report.status === 'superseded' && report.supersededBy
    ? { status: 'superseded', by: report.supersededBy }
    : { status: (report.status ?? 'active') === 'archived' ? 'archived' : 'active' };

const WORDS: Record<ReportStatus, string> = { active: 'Made active again', archived: 'Archived', superseded: 'Marked as superseded' };

/** Archives, supersedes, deletes or reactivates a report, each undoable from the toast or with Ctrl+Z. */
export function useReportRemoval() {
  const act = useAction();
  const undoable = useUndoable();

  const setStatus = useCallback(
    async (report: ReportSummary, next: Status, label: string): Promise<boolean> => {
      const before = statusOf(report);
      const result = await act('reports.setStatus', { id: report.id, ...next });
      if (!result.ok) return false;
      undoable({
        label: `${WORDS[next.status]}: ${label}`,
        undo: async () => (await act('reports.setStatus', { id: report.id, ...before }, `${WORDS[before.status]}: ${label}`)).ok,
        redo: async () => (await act('reports.setStatus', { id: report.id, ...next }, `${WORDS[next.status]}: ${label}`)).ok,
      });
      return true;
    },
    [act, undoable],
  );

  const remove = useCallback(
    async (report: ReportSummary, action: RemoveAction, supersededBy: string | null, label: string): Promise<boolean> => {
      if (action === 'archive') return setStatus(report, { status: 'archived' }, label);
      if (action === 'supersede' && supersededBy) return setStatus(report, { status: 'superseded', by: supersededBy }, label);
      const result = await act('reports.delete', { id: report.id });
      if (!result.ok || !result.value.undo) return false;
      let deleted = result.value.undo;
      undoable({
        label: `Deleted: ${label}`,
        undo: async () => (await act('reports.restoreDeleted', { deleted }, `Put back: ${label}`)).ok,
        redo: async () => {
          const again = await act('reports.delete', { id: report.id }, `Deleted: ${label}`);
          if (again.ok && again.value.undo) deleted = again.value.undo;
          return again.ok;
        },
      });
      return true;
    },
    [act, setStatus, undoable],
  );

  const reactivate = useCallback((report: ReportSummary, label: string) => setStatus(report, { status: 'active' }, label), [setStatus]);

  return { remove, reactivate };
}
