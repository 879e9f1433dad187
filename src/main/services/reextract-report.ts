import type { ReextractSummary } from '../../shared/api/review';
import { AppError } from '../../shared/api/result';
import { readAndExtract } from '../ingest/read-in-worker';
import type { Store } from '../store/repository';
import { mergeExtraction } from './reextract';
import { reanchorAnnotations } from './annotations';

/**
 * Reads a stored report's source file again, extracts it again and merges the result in, keeping every
 * correction (see mergeExtraction). Used after the extractor improves, or to undo an accidental edit of
 * a field that was never corrected.
 */
export async function reextractReport(store: Store, id: string): Promise<ReextractSummary> {
  const doc = store.reportDoc(id);
  if (!doc) throw new AppError('not-found', `There is no report with id ${id}; it may have been deleted.`);
  const { sha256, fileName } = doc.report;
  const bytes = await store.readSource(sha256).catch(() => {
    throw new AppError('not-found', `The original file of ${fileName} is missing from the data folder, so it cannot be read again.`);
  });
  const { document, extraction } = await readAndExtract(fileName, bytes);
  const stored = await store.readText(sha256);
  const textChanged = stored.text !== document.text;
  if (textChanged) await store.replaceText({ sha256, text: document.text, pages: document.pages });
  const linked = new Set(store.index.links.flatMap((link) => [link.earlierId, link.laterId]));
  const summary = await store.updateReport(id, (draft) => mergeExtraction(draft, extraction, linked));
  if (textChanged) await reanchorAnnotations(store, id);
  return textChanged ? { ...summary, lines: ['The file was read afresh and its text has changed.', ...summary.lines] } : summary;
}
