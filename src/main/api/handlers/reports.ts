import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { reportCalls, ReportSummary } from '../../../shared/api/reports';
import { AppError } from '../../../shared/api/result';
import type { HandlersFor } from '../handler-types';
import { importDocument } from '../../services/import-document';
import { trackImport } from '../../services/import-progress';
import { deleteReport, reportImpact, restoreDeletedReport, setReportStatus } from '../../services/report-lifecycle';
import { removeVersion, useVersion } from '../../services/report-versions';
import type { ReportDoc } from '../../store/schema';
import type { Store } from '../../store/repository';
import { listReports, summaryOfHead } from './report-list';

const summary = (doc: ReportDoc): ReportSummary => summaryOfHead({ report: doc.report, findingCount: doc.findings.length });

function requireReport(store: Store, id: string): ReportDoc {
  const doc = store.reportDoc(id);
  if (!doc) throw new AppError('not-found', `There is no report with id ${id}; it may have been deleted.`);
  return doc;
}

export const reportHandlers: HandlersFor<typeof reportCalls> = {
  'reports.list': listReports,
  'reports.get': async ({ id }, { store }) => {
    const { report, findings } = requireReport(store, id);
    return { report, findings };
  },
  'reports.text': async ({ id }, { store }) => store.readText(requireReport(store, id).report.sha256),
  'reports.source': async ({ id }, { store }) => {
    const { fileName, format, sha256 } = requireReport(store, id).report;
    const bytes = await store.readSource(sha256).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new AppError('not-found', `The file ${fileName} as imported is missing from the data folder; import it again to see its pages.`);
      throw error;
    });
    return { fileName, format, dataBase64: bytes.toString('base64') };
  },
  'reports.import': async ({ fileName, dataBase64, onSameReport }, { store }) => {
    const progress = trackImport(store, fileName);
    try {
      return await importDocument(store, fileName, Buffer.from(dataBase64, 'base64'), progress.onProgress, onSameReport);
    } finally {
      progress.finish();
    }
  },
  'reports.importSamples': async (_input, { store, samplesDir }) => {
    const names = (await readdir(samplesDir)).filter((name) => !name.startsWith('.')).sort();
    const outcomes = [];
    for (const name of names) outcomes.push(await importDocument(store, name, await readFile(join(samplesDir, name))));
    return outcomes;
  },
  'reports.impact': async ({ id }, { store }) => reportImpact(store, id),
  'reports.setStatus': async (change, { store }) => summary(await setReportStatus(store, change)),
  'reports.delete': async ({ id }, { store }) => {
    const undo = await deleteReport(store, id);
    return { deleted: undo !== null, undo };
  },
  'reports.restoreDeleted': async ({ deleted }, { store }) => summary(await restoreDeletedReport(store, deleted)),
  'reports.useVersion': async ({ id, sha256 }, { store }) => useVersion(store, id, sha256),
  'reports.removeVersion': async ({ id, sha256 }, { store }) => summary(await removeVersion(store, id, sha256)),
};
