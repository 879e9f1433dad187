import type { ReextractSummary } from '../../shared/api/review';
import { AppError } from '../../shared/api/result';
import type { Extraction } from '../../shared/domain/extraction';
import type { Report, ReportVersion } from '../../shared/domain/report';
import type { DocumentText } from '../ingest/document-text';
import { readAndExtract } from '../ingest/read-in-worker';
import type { Store } from '../store/repository';
import type { ReportDoc } from '../store/schema';
import { reanchorAnnotations } from './annotations';
import { mergeExtraction } from './reextract';
import { textFingerprint } from '../../shared/domain/report-identity';

/** A file read and extracted, not yet stored: what a report's other version is made from. */
export type ReadFile = {
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  document: DocumentText;
  extraction: Extraction;
  fingerprint: string;
};

function requireReport(store: Store, id: string): ReportDoc {
  const doc = store.reportDoc(id);
  if (!doc) throw new AppError('not-found', `There is no report with id ${id}; it may have been deleted.`);
  return doc;
}

/** The report holding a file (as its main file or another version), if any. */
export function reportHoldingFile(store: Store, sha256: string): ReportDoc | undefined {
  return store.allReportDocs().find((doc) => doc.report.sha256 === sha256 || (doc.report.versions ?? []).some((v) => v.sha256 === sha256));
}

function versionOf(file: ReadFile, at: string): ReportVersion {
  return {
    fileName: file.fileName,
    format: file.document.format,
    sha256: file.sha256,
    size: file.bytes.byteLength,
    importedAt: at,
    fingerprint: file.fingerprint,
  };
}

/** The report's main file described as a version, as it stops being the main one. */
function mainFileAsVersion(report: Report, at: string): ReportVersion {
  return {
    fileName: report.fileName,
    format: report.format,
    sha256: report.sha256,
    size: report.size,
    importedAt: report.importedAt,
    ...(report.fingerprint ? { fingerprint: report.fingerprint } : {}),
    replacedAt: at,
  };
}

/** Keeps another file of a report beside its main file; the findings stay those read from the main file. */
export async function addVersion(store: Store, reportId: string, file: ReadFile, at = new Date().toISOString()): Promise<ReportDoc> {
  requireReport(store, reportId);
  await store.putSourceFile({ sha256: file.sha256, text: file.document.text, pages: file.document.pages }, file.bytes);
  return store.updateReport(reportId, (draft) => {
    const others = (draft.report.versions ?? []).filter((v) => v.sha256 !== file.sha256);
    draft.report.versions = [...others, versionOf(file, at)];
    return draft;
  });
}

/**
 * Makes a file the report's main file, the one its findings are read from: the report is extracted from
 * it and merged as a re-extraction is (findings found again keep their id, tracking and links; corrections,
 * added findings and removals stand), its annotations are found again in the new text, and the old main
 * file is kept as a replaced version.
 */
async function makeMain(store: Store, reportId: string, file: ReadFile, at: string): Promise<ReextractSummary> {
  const linked = new Set(store.index.links.flatMap((link) => [link.earlierId, link.laterId]));
  const summary = await store.updateReport(reportId, (draft) => {
    const previous = mainFileAsVersion(draft.report, at);
    draft.report.versions = [...(draft.report.versions ?? []).filter((v) => v.sha256 !== file.sha256 && v.sha256 !== previous.sha256), previous];
    Object.assign(draft.report, {
      fileName: file.fileName,
      format: file.document.format,
      sha256: file.sha256,
      size: file.bytes.byteLength,
      fingerprint: file.fingerprint,
    });
    return mergeExtraction(draft, file.extraction, linked);
  });
  const moved = await reanchorAnnotations(store, reportId);
  const lines = [`The report now reads from ${file.fileName}; the file it read before is kept as an earlier version.`, ...summary.lines];
  if (moved.lost > 0) lines.push(`${moved.lost} annotation${moved.lost === 1 ? '' : 's'} could not be found in the new text and keep their quoted passage.`);
  return { ...summary, lines };
}

/** Replaces a report's file with a new one of the same report, carrying over tracking, annotations and corrections. */
export async function replaceReportFile(store: Store, reportId: string, file: ReadFile, at = new Date().toISOString()): Promise<ReextractSummary> {
  requireReport(store, reportId);
  await store.putSourceFile({ sha256: file.sha256, text: file.document.text, pages: file.document.pages }, file.bytes);
  return makeMain(store, reportId, file, at);
}

/** Makes one of a report's other versions its main file (as a replacement does). */
export async function useVersion(store: Store, reportId: string, sha256: string, at = new Date().toISOString()): Promise<ReextractSummary> {
  const { report } = requireReport(store, reportId);
  if (report.sha256 === sha256) throw new AppError('invalid-input', 'This file is already the one the report reads from.');
  const version = (report.versions ?? []).find((v) => v.sha256 === sha256);
  if (!version) throw new AppError('not-found', 'This report has no such file; it may have been removed.');
  const bytes = await store.readSource(sha256).catch(() => {
    throw new AppError('not-found', `The file ${version.fileName} is missing from the data folder.`);
  });
  // Read in the import worker, with its time and memory limits, as at import.
  const { document, extraction } = await readAndExtract(version.fileName, bytes);
  return makeMain(store, reportId, { fileName: version.fileName, bytes, sha256, document, extraction, fingerprint: version.fingerprint ?? textFingerprint(document.text) }, at);
}

/** Removes one of a report's other versions (never its main file); the file is deleted when the store closes. */
export async function removeVersion(store: Store, reportId: string, sha256: string): Promise<ReportDoc> {
  const { report } = requireReport(store, reportId);
  if (report.sha256 === sha256) {
    throw new AppError('invalid-input', 'This is the file the report reads from; make another file the main one first, or delete the report.');
  }
  if (!(report.versions ?? []).some((v) => v.sha256 === sha256)) throw new AppError('not-found', 'This report has no such file; it may have been removed already.');
  const doc = await store.updateReport(reportId, (draft) => {
    draft.report.versions = (draft.report.versions ?? []).filter((v) => v.sha256 !== sha256);
    return draft;
  });
  store.forgetFile(sha256);
  return doc;
}
