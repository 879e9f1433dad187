import { parseLooseDate } from '../../shared/domain/dates';
import type { Report } from '../../shared/domain/report';
import { parsePeriod } from './periods';

type Placed = Pick<Report, 'period' | 'published'>;

/**
 * Whether inspection a came strictly before inspection b, so b may be compared with it ("no change from
 * 2016"). By the periods when both state one; the same period is the same inspection (a copy, another
 * format, a version), never an earlier one. Only when a period is missing do the publication dates decide,
 * and then only a date strictly before. What cannot be placed is not earlier.
 */
export function isEarlierInspection(a: Placed, b: Placed): boolean {
  const pa = parsePeriod(a.period);
  const pb = parsePeriod(b.period);
  if (pa && pb) return pa[0] < pb[0] || (pa[0] === pb[0] && pa[1] < pb[1]);
  const da = parseLooseDate(a.published);
  const db = parseLooseDate(b.published);
  if (da && db) return da.sortKey < db.sortKey && da.sortKey.slice(0, 7) !== db.sortKey.slice(0, 7);
  return false;
}

/** The force's name without "Constabulary", "Police" and the like; null when not stated. */
function forceName(force: string | null): string | null {
  if (!force) return null;
  const name = force
    .toLowerCase()
    .replace(/\b(constabulary|police|service|force|the|of)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return name || null;
}

/** Reports of an unknown force are taken to be the officer's own, like every other report in the store. */
export function sameForce(a: Pick<Report, 'force'>, b: Pick<Report, 'force'>): boolean {
  const fa = forceName(a.force);
  const fb = forceName(b.force);
  return fa === null || fb === null || fa === fb;
}

/**
 * When a report came out, as an ISO date (a month alone as its first day): its publication date, else December
 * of the last year of its period (reports come out during or soon after it), else the day it was imported.
 */
export function publicationDate(report: Pick<Report, 'published' | 'period' | 'importedAt'>): string {
  const published = parseLooseDate(report.published);
  if (published) return `${published.sortKey.slice(0, 8)}${published.day === null ? '01' : published.sortKey.slice(8)}`;
  const period = parsePeriod(report.period);
  if (period) return `${period[1]}-12-01`;
  return report.importedAt.slice(0, 10);
}
