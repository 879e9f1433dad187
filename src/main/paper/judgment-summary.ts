import type { Report } from '../../shared/domain/report';

/** How far past the judgment the summary may start: a heading or a date line may sit between them. */
const BLOCKS_TO_LOOK_AT = 3;

/**
 * The inspectorate's own summary beside the overall judgment ("Cambridgeshire Constabulary has been assessed
 * as good in respect of …"): the first full paragraph after the judgment's passage in the report's text.
 */
export function judgmentSummary(text: string, report: Report): string | null {
  const overall = report.judgments.find((j) => j.question === null && j.anchor !== null);
  if (!overall?.anchor) return null;
  const blocks = text.slice(overall.anchor.end).split(/\n\s*\n/).slice(0, BLOCKS_TO_LOOK_AT);
  for (const block of blocks) {
    const paragraph = block.replace(/\s+/g, ' ').trim();
    if (paragraph.length >= 80 && /[.!]$/.test(paragraph) && !/^[-•*#|<]/.test(paragraph)) return paragraph;
  }
  return null;
}
