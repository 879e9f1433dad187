import type { Note } from '../../shared/domain/notes';
import type { ReportDoc } from './schema';

/** Distinct values kept; past it a value is left as read (a store of real data has far fewer). */
const POOL_LIMIT = 100_000;

/**
 * One copy of each string that repeats across thousands of records — a tag, a status, an owner, a
 * question, a report's id. JSON.parse makes a new string for every occurrence; at 5,000 reports (500,000
 * notes, 100,000 findings and annotations) the copies cost about a hundred megabytes. Values are only
 * replaced by equal strings, so nothing read from the store changes.
 */
export class StringPool {
  private readonly pool = new Map<string, string>();

  share(value: string): string {
    const held = this.pool.get(value);
    if (held !== undefined) return held;
    if (this.pool.size < POOL_LIMIT) this.pool.set(value, value);
    return value;
  }

  shareOrNull(value: string | null): string | null {
    return value === null ? null : this.share(value);
  }

  shareAll(values: string[]): void {
    for (let i = 0; i < values.length; i++) values[i] = this.share(values[i]!);
  }
}

/** A note as read, its repeated strings shared (a note not edited since it was made has one time for both). */
export function shareNoteStrings(note: Note, pool: StringPool): void {
  note.reportId = pool.shareOrNull(note.reportId);
  note.question = pool.shareOrNull(note.question);
  pool.shareAll(note.tags);
  if (note.updatedAt === note.createdAt) note.updatedAt = note.createdAt;
}

/** A report file as read, its repeated strings shared: its id in every finding and annotation, kinds, statuses, owners, tags. */
export function shareReportStrings(doc: ReportDoc, pool: StringPool): void {
  const id = pool.share(doc.report.id);
  doc.report.id = id;
  for (const finding of doc.findings) {
    if (finding.reportId === id) finding.reportId = id;
    finding.kind = pool.share(finding.kind) as typeof finding.kind;
    finding.pillar = pool.shareOrNull(finding.pillar);
    finding.question = pool.shareOrNull(finding.question);
    const t = finding.tracking;
    t.owner = pool.shareOrNull(t.owner);
    t.status = pool.share(t.status) as typeof t.status;
    t.due = pool.shareOrNull(t.due);
    for (const p of t.progress) p.by = pool.share(p.by);
    for (const h of t.history) {
      h.by = pool.share(h.by);
      h.field = pool.share(h.field);
    }
  }
  for (const annotation of doc.annotations) {
    if (annotation.reportId === id) annotation.reportId = id;
    annotation.colour = pool.share(annotation.colour) as typeof annotation.colour;
    pool.shareAll(annotation.tags);
    if (annotation.updatedAt === annotation.createdAt) annotation.updatedAt = annotation.createdAt;
  }
}
