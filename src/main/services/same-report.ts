import type { ImportOutcome, SameReport, SameReportChoice } from '../../shared/api/reports';
import type { Report } from '../../shared/domain/report';
import { decodeFingerprint, disagreements, isSameReport, textFingerprint, textSimilarity, type Identity } from '../../shared/domain/report-identity';
import type { Store } from '../store/repository';
import type { ReportDoc } from '../store/schema';
import { addVersion, replaceReportFile, type ReadFile } from './report-versions';

/** Fingerprints of reports stored before fingerprints were kept, worked out once per text (a text never changes). */
const computed = new Map<string, string>();

/** A stored report's fingerprint: its own, or one made from its stored text. */
export async function fingerprintOf(store: Store, report: Report): Promise<string | undefined> {
  if (report.fingerprint) return report.fingerprint;
  const known = computed.get(report.sha256);
  if (known) return known;
  const text = await store.readText(report.sha256).catch(() => null);
  if (!text) return undefined;
  const fp = textFingerprint(text.text);
  computed.set(report.sha256, fp);
  return fp;
}

/**
 * The report already held that this new document is another file of, if any; the closest text wins. A
 * report stored before fingerprints were kept is read for its text only when its details agree.
 */
export async function findSameReport(store: Store, candidate: Identity & { fingerprint: string }): Promise<ReportDoc | null> {
  const mine = decodeFingerprint(candidate.fingerprint);
  if (!mine) return null;
  let best: { doc: ReportDoc; score: number } | null = null;
  for (const doc of store.allReportDocs()) {
    if (doc.report.kind !== candidate.kind) continue;
    const own = doc.report.fingerprint ?? (disagreements(candidate, doc.report).length === 0 ? await fingerprintOf(store, doc.report) : undefined);
    for (const fingerprint of [own, ...(doc.report.versions ?? []).map((v) => v.fingerprint)]) {
      const theirs = decodeFingerprint(fingerprint);
      if (!theirs || !isSameReport(candidate, { ...doc.report, fingerprint })) continue;
      const score = textSimilarity(mine, theirs).containment;
      if (!best || score > best.score) best = { doc, score };
    }
  }
  return best?.doc ?? null;
}

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
