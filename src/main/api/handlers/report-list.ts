import type { ReportSummary } from '../../../shared/api/reports';
import type { Store } from '../../store/repository';
import type { ReportHead } from '../../store/report-heads';

export function summaryOfHead({ report, findingCount }: ReportHead): ReportSummary {
  const { id, title, kind, format, fileName, force, programme, inspectionType, period, published, importedAt, aboutReportId, size, status, supersededBy } = report;
  return {
    id,
    title,
    kind,
    format,
    fileName,
    force,
    programme,
    inspectionType,
    period,
    published,
    importedAt,
    aboutReportId,
    size,
    status: status ?? 'active',
    supersededBy: supersededBy ?? null,
    findingCount,
    versionCount: report.versions?.length ?? 0,
  };
}

/**
 * The reports list (archived and superseded reports only when `all` is asked for), from the report heads
 * the store holds from the moment it opens: the first screen waits neither for the report files nor for
 * the modules the other report calls need.
 */
export const listReports = async ({ all }: { all?: boolean }, { store }: { store: Store }): Promise<ReportSummary[]> =>
  store
    .reportHeads()
    .filter((head) => all || (head.report.status ?? 'active') === 'active')
    .map(summaryOfHead);
