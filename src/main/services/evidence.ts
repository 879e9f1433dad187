import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/api/result';
import { MAX_ATTACHMENTS } from '../../shared/domain/evidence-limits';
import type { EvidenceFile, Finding } from '../../shared/domain/finding';
import type { Store } from '../store/repository';
import { checkEvidenceFile } from '../tracking/evidence-file';
import { requireFinding } from './findings';

/**
 * Attaches a file to a finding, or to one of its progress updates: checked (kind, content, size), kept once by
 * sha256 in the data folder, listed on the finding and recorded in its history.
 */
export async function attachEvidence(
  store: Store,
  findingId: string,
  file: { fileName: string; bytes: Uint8Array },
  progressId: string | null,
  at: string,
): Promise<Finding> {
  const { finding, report } = requireFinding(store, findingId);
  const { name, mimeType } = checkEvidenceFile(file.fileName, file.bytes);
  if (progressId !== null && !finding.tracking.progress.some((p) => p.id === progressId)) {
    throw new AppError('not-found', 'That progress update is no longer on this finding.');
  }
  if (finding.tracking.attachments.length >= MAX_ATTACHMENTS) {
    throw new AppError('too-large', `This finding already has ${MAX_ATTACHMENTS} evidence files, the most one finding can hold.`);
  }
  const sha256 = await store.putEvidence(file.bytes);
  const by = store.index.settings.userName;
  const attachment: EvidenceFile = { id: randomUUID(), sha256, name, size: file.bytes.length, mimeType, addedAt: at, by, progressId };
  try {
    return await store.updateReport(report.id, (draft) => {
      const target = draft.findings.find((f) => f.id === findingId);
      if (!target) throw new AppError('not-found', `There is no finding with id ${findingId}; it may have been removed or merged.`);
      target.tracking.attachments.push(attachment);
      target.tracking.history.push({ at, by, field: 'attachments', from: null, to: name });
      return target;
    });
  } catch (error) {
    await store.removeEvidenceIfUnused(sha256);
    throw error;
  }
}

export function requireAttachment(store: Store, findingId: string, attachmentId: string): EvidenceFile {
  const { finding } = requireFinding(store, findingId);
  const attachment = finding.tracking.attachments.find((a) => a.id === attachmentId);
  if (!attachment) throw new AppError('not-found', 'That evidence file is no longer attached to this finding.');
  return attachment;
}

/** Takes a file off a finding (recorded in its history); the file itself goes once nothing attaches it. */
export async function removeEvidence(store: Store, findingId: string, attachmentId: string, at: string): Promise<Finding> {
  const { report } = requireFinding(store, findingId);
  const attachment = requireAttachment(store, findingId, attachmentId);
  const by = store.index.settings.userName;
  const updated = await store.updateReport(report.id, (draft) => {
    const target = draft.findings.find((f) => f.id === findingId) as Finding;
    target.tracking.attachments = target.tracking.attachments.filter((a) => a.id !== attachmentId);
    target.tracking.history.push({ at, by, field: 'attachments', from: attachment.name, to: null });
    return target;
  });
  await store.removeEvidenceIfUnused(attachment.sha256);
  return updated;
}
