import type { ReportImpact } from '../../../shared/api/reports';

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What goes with a deleted report, as the sentences of the confirmation (the CLI says the same). */
export function impactLines(impact: ReportImpact): string[] {
  const lines = [
    `${count(impact.findings, 'finding')} and their tracking${impact.trackedFindings > 0 ? ` (${count(impact.trackedFindings, 'finding')} tracked, ${count(impact.progressUpdates, 'progress update')})` : ''}`,
  ];
  if (impact.annotations > 0) lines.push(count(impact.annotations, 'annotation'));
  if (impact.papers > 0) lines.push(count(impact.papers, 'board paper'));
  if (impact.links > 0) lines.push(count(impact.links, 'link to a finding of another inspection', 'links to findings of other inspections'));
  lines.push(impact.files > 1 ? `its ${impact.files} stored files` : 'its stored file');
  return lines;
}

/** What stays, unlinked. */
export function keptLines(impact: ReportImpact): string[] {
  const lines: string[] = [];
  if (impact.linkedNotes > 0) lines.push(`${count(impact.linkedNotes, 'linked note')} (kept, without the link)`);
  if (impact.supportingDocuments > 0) lines.push(`${count(impact.supportingDocuments, 'supporting document')} about it (kept, unlinked)`);
  return lines;
}
