import type { ReportSummary } from '../../../shared/api/reports';
import type { Store } from '../../store/repository';
import type { ReportHead } from '../../store/report-heads';

function summary({ report, findingCount }: ReportHead): ReportSummary {
  const { id, title, kind, format, fileName, force, period, published, importedAt, aboutReportId, size } = report;
  return { id, title, kind, format, fileName, force, period, published, importedAt, aboutReportId, size, findingCount };
}

/**
 * The reports list, from the report heads the store holds from the moment it opens: the first screen
 * waits neither for the report files nor for the modules the other report calls need.
 */
export const listReports = async (_input: unknown, { store }: { store: Store }): Promise<ReportSummary[]> => store.reportHeads().map(summary);
