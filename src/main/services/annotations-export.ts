import { AppError } from '../../shared/api/result';
import { annotationsCsv, type AnnotationExport } from '../exports/annotations-export';
import type { Store } from '../store/repository';
import { DOCX_MIME, safeFileName } from './board-papers';
import { todayIso } from '../tracking/periods';

export const CSV_MIME = 'text/csv';

/** A report's annotations in text order, as .docx or .csv, with the name to save it under. */
export async function exportAnnotations(store: Store, reportId: string, format: 'docx' | 'csv'): Promise<{ fileName: string; mimeType: string; bytes: Uint8Array }> {
  const doc = store.reportDoc(reportId);
  if (!doc) throw new AppError('not-found', `There is no report with id ${reportId}; it may have been deleted.`);
  const input: AnnotationExport = {
    reportTitle: doc.report.title,
    annotations: [...doc.annotations].sort((a, b) => a.anchor.start - b.anchor.start),
    exportedOn: todayIso(),
    by: store.index.settings.userName,
  };
  const fileName = safeFileName(`Annotations - ${doc.report.title}`, format);
  if (format === 'csv') return { fileName, mimeType: CSV_MIME, bytes: new TextEncoder().encode(annotationsCsv(input)) };
  // docx is loaded with the first .docx asked for, not with the app (the CSV needs none of it).
  const { annotationsDocx } = await import('../exports/annotations-docx');
  return { fileName, mimeType: DOCX_MIME, bytes: await annotationsDocx(input) };
}
