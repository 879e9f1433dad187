import type { Extraction } from '../../shared/domain/extraction';

/**
 * A key shared by a report and the documents about it (press release, transcript, board paper): force, programme
 * or inspection type, and period, normalised. Null when the document does not say enough to link it safely.
 */
export function supportingLinkKey(e: Extraction): string | null {
  if (!e.force || !e.period) return null;
  const subject = e.inspectionType ?? e.programme;
  if (!subject) return null;
  const force = e.force
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\b(?:constabulary|police service|police|the)\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  const period = e.period.slice(0, 4);
  return `${force}|${subject.toLowerCase()}|${period}`;
}
