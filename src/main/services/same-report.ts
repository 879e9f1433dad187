import type { ImportOutcome, SameReport, SameReportChoice } from '../../shared/api/reports';
import type { Store } from '../store/repository';
import type { ReportDoc } from '../store/schema';
import { addVersion, replaceReportFile, type ReadFile } from './report-versions';

export function sameReportOf({ report, findings, annotations }: ReportDoc): SameReport {
  const { id, title, fileName, format, force, period, importedAt } = report;
  return { id, title, fileName, format, force, period, importedAt, findingCount: findings.length, annotationCount: annotations.length };
}

/**
 * A file that is another file of a report already held: store nothing and say which report (ask), make it the
 * report's file (replace), or keep it beside the report's file (add-version). One report, one set of findings.
 */
export async function settleSameReport(store: Store, same: ReportDoc, file: ReadFile, choice: Exclude<SameReportChoice, 'new'>): Promise<ImportOutcome> {
  const id = same.report.id;
  const sameReport = sameReportOf(same);
  if (choice === 'replace') {
    await replaceReportFile(store, id, file);
    return { id, duplicate: false, title: store.reportDoc(id)?.report.title ?? same.report.title, action: 'replaced', sameReport };
  }
  if (choice === 'add-version') {
    await addVersion(store, id, file);
    return { id, duplicate: false, title: same.report.title, action: 'version-added', sameReport };
  }
  return { id, duplicate: true, title: same.report.title, action: 'same-report', sameReport };
}
