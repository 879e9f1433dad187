import { randomUUID, webcrypto } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { ImportOutcome, SameReportChoice } from '../../shared/api/reports';
import { newTracking, type Finding, type Report } from '../../shared/domain';
import type { Extraction } from '../../shared/domain/extraction';
import { readAndExtract } from '../ingest/read-in-worker';
import { forceMustAct, summariseExtraction, supportingLinkKey } from '../extract';
import type { Store } from '../store/repository';
import type { ReportDoc } from '../store/schema';
import { textFingerprint } from '../../shared/domain/report-identity';
import { reportHoldingFile } from './report-versions';
import { findSameReport, settleSameReport } from './same-report';

export type ImportProgress = (done: number, total: number) => void;

/**
 * Reads a file the officer handed over, extracts its judgments and findings, and stores it with the
 * source bytes as received. A file already in the store (same sha256) is not stored twice, and another
 * file of a report already held (the same report in another format) is settled as `onSameReport` says
 * (see SameReportChoice): by default nothing is stored and the outcome names the report it matches.
 */
export async function importDocument(
  store: Store,
  fileName: string,
  bytes: Uint8Array,
  onProgress?: ImportProgress,
  onSameReport: SameReportChoice = 'ask',
): Promise<ImportOutcome> {
  // WebCrypto hashes on the thread pool: a 64 MB file does not hold up other calls for the 100+ ms a synchronous hash takes.
  const sha256 = Buffer.from(await webcrypto.subtle.digest('SHA-256', bytes)).toString('hex');
  const existing = reportHoldingFile(store, sha256);
  if (existing) return { id: existing.report.id, duplicate: true, title: existing.report.title, action: 'duplicate' };

  // Read and extracted in a worker with time and memory limits (ingest/read-in-worker.ts).
  const { document, extraction } = await readAndExtract(fileName, bytes, onProgress);
  const fingerprint = textFingerprint(document.text);
  if (onSameReport !== 'new') {
    const same = await findSameReport(store, { ...extraction, fingerprint });
    if (same) return settleSameReport(store, same, { fileName: basename(fileName), bytes, sha256, document, extraction, fingerprint }, onSameReport);
  }
  const id = randomUUID();
  const now = new Date().toISOString();
  const report: Report = {
    id,
    kind: extraction.kind,
    title: extraction.title ?? basename(fileName, extname(fileName)),
    force: extraction.force,
    inspectorate: extraction.inspectorate,
    programme: extraction.programme,
    inspectionType: extraction.inspectionType,
    period: extraction.period,
    published: extraction.published,
    webAddress: null,
    fileName: basename(fileName),
    format: document.format,
    sha256,
    size: bytes.byteLength,
    importedAt: now,
    aboutReportId: null,
    judgments: extraction.judgments.map((j) => ({ ...j, id: randomUUID() })),
    quotes: extraction.quotes.map((q) => ({ ...q, id: randomUUID() })),
    statedChanges: extraction.statedChanges,
    corrections: [],
    fingerprint,
  };
  const findings: Finding[] = extraction.findings.map((f, order) => ({
    ...f,
    id: randomUUID(),
    reportId: id,
    order,
    manual: false,
    // A deadline an inspection report sets for the force (or all forces) is the finding's target date from the
    // start; a board paper's restatement of a finding leaves the officer's own tracking alone.
    tracking: { ...newTracking(), due: targetDate(extraction, f) },
  }));
  const linkKey = supportingLinkKey(extraction);
  if (report.kind !== 'inspection-report' && linkKey) {
    report.aboutReportId = findReportByKey(store, linkKey)?.report.id ?? null;
  }
  const stored = await store.addReport(
    { report, findings, annotations: [] },
    { sha256, text: document.text, pages: document.pages },
    bytes,
  );
  if (!stored.duplicate && report.kind === 'inspection-report' && linkKey) {
    await adoptSupportingDocuments(store, id, linkKey);
  }
  return {
    id: stored.id,
    duplicate: stored.duplicate,
    title: store.reportDoc(stored.id)?.report.title ?? report.title,
    summary: summariseExtraction(extraction),
    action: stored.duplicate ? 'duplicate' : 'imported',
  };
}

function targetDate(extraction: Extraction, finding: Extraction['findings'][number]): string | null {
  if (extraction.kind !== 'inspection-report' || !finding.due) return null;
  return forceMustAct(finding.addressee, extraction.force) ? finding.due : null;
}

function keyOf(doc: ReportDoc): string | null {
  return supportingLinkKey({ ...doc.report, judgments: [], findings: [], quotes: [], statedChanges: [] });
}

function findReportByKey(store: Store, key: string): ReportDoc | undefined {
  return store.allReportDocs().find((doc) => doc.report.kind === 'inspection-report' && keyOf(doc) === key);
}

/** A press release imported before its report is linked once the report arrives. */
async function adoptSupportingDocuments(store: Store, reportId: string, key: string): Promise<void> {
  const orphans = store
    .allReportDocs()
    .filter((doc) => doc.report.kind !== 'inspection-report' && !doc.report.aboutReportId && keyOf(doc) === key);
  for (const orphan of orphans) {
    await store.updateReport(orphan.report.id, (draft) => {
      draft.report.aboutReportId = reportId;
    });
  }
}
