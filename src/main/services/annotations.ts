import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AnnotationFilter, AnnotationListItem, NewAnnotation } from '../../shared/api/annotations';
import { AppError } from '../../shared/api/result';
import type { Annotation, Colour } from '../../shared/domain/notes';
import { anchorSelection, reanchor, type ReanchorStatus } from '../tracking/anchoring';
import type { Store } from '../store/repository';
import type { ReportDoc } from '../store/schema';

function requireReport(store: Store, id: string): ReportDoc {
  const doc = store.reportDoc(id);
  if (!doc) throw new AppError('not-found', `There is no report with id ${id}; it may have been deleted.`);
  return doc;
}

/** The report holding an annotation; annotations live in their report's file. */
function reportOfAnnotation(store: Store, id: string): ReportDoc {
  const reportId = store.annotationReportId(id);
  const doc = reportId ? store.reportDoc(reportId) : undefined;
  if (!doc) throw new AppError('not-found', `There is no annotation with id ${id}; it may have been deleted.`);
  return doc;
}

const hasTag = (tags: readonly string[], tag: string) => tags.some((t) => t.toLowerCase() === tag.toLowerCase());

/** Annotations of one report or all, in report order then by position in the text. */
export function listAnnotations(store: Store, filter: AnnotationFilter): AnnotationListItem[] {
  const docs = filter.reportId ? [requireReport(store, filter.reportId)] : store.allReportDocs();
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const items: AnnotationListItem[] = [];
  for (const doc of docs) {
    const sorted = [...doc.annotations].sort((a, b) => a.anchor.start - b.anchor.start);
    for (const a of sorted) {
      if (filter.colour && a.colour !== filter.colour) continue;
      if (filter.tag && !hasTag(a.tags, filter.tag)) continue;
      if (words.length) {
        const haystack = `${a.note}\n${a.anchor.quote}\n${a.tags.join(' ')}`.toLowerCase();
        if (!words.every((w) => haystack.includes(w))) continue;
      }
      items.push({ ...a, reportTitle: doc.report.title });
    }
  }
  return items;
}

/** Anchors the selection in main's own copy of the text, so the quote is the document's, not the renderer's. */
export async function createAnnotation(store: Store, input: z.output<typeof NewAnnotation>, now = new Date()): Promise<Annotation> {
  const doc = requireReport(store, input.reportId);
  const text = await store.readText(doc.report.sha256);
  const saved = anchorSelection(text.text, input.start, input.end, text.pages);
  const at = now.toISOString();
  const annotation: Annotation = {
    id: randomUUID(),
    reportId: input.reportId,
    ...saved,
    note: input.note,
    tags: input.tags,
    colour: input.colour,
    createdAt: at,
    updatedAt: at,
  };
  await store.updateReport(input.reportId, (draft) => {
    draft.annotations.push(annotation);
  });
  return annotation;
}

export async function updateAnnotation(
  store: Store,
  changes: { id: string; note?: string; tags?: string[]; colour?: Colour },
  now = new Date(),
): Promise<Annotation> {
  const doc = reportOfAnnotation(store, changes.id);
  return store.updateReport(doc.report.id, (draft) => {
    const a = draft.annotations.find((x) => x.id === changes.id);
    if (!a) throw new AppError('not-found', `There is no annotation with id ${changes.id}; it may have been deleted.`);
    if (changes.note !== undefined) a.note = changes.note;
    if (changes.tags !== undefined) a.tags = changes.tags;
    if (changes.colour !== undefined) a.colour = changes.colour;
    a.updatedAt = now.toISOString();
    return a;
  });
}

export async function deleteAnnotation(store: Store, id: string): Promise<Annotation> {
  const doc = reportOfAnnotation(store, id);
  return store.updateReport(doc.report.id, (draft) => {
    const at = draft.annotations.findIndex((a) => a.id === id);
    const [removed] = draft.annotations.splice(at, 1);
    if (!removed) throw new AppError('not-found', `There is no annotation with id ${id}; it may have been deleted.`);
    return removed;
  });
}

/**
 * Puts back a deleted annotation (undo). Its report must still exist; if the text has changed since, the
 * passage is found again, and an annotation whose passage is no longer in the text is refused.
 */
export async function restoreAnnotation(store: Store, annotation: Annotation): Promise<Annotation> {
  const doc = requireReport(store, annotation.reportId);
  const text = await store.readText(doc.report.sha256);
  const { start, end, quote } = annotation.anchor;
  let restored = annotation;
  if (end > text.text.length || start >= end || text.text.slice(start, end) !== quote) {
    const found = reanchor(text.text, annotation, text.pages);
    if (found.status === 'lost') {
      throw new AppError('invalid-input', `The passage “${shortQuote(quote)}” is no longer in this report's text, so the annotation cannot be put back.`);
    }
    restored = { ...annotation, anchor: found.anchor, prefix: found.prefix, suffix: found.suffix };
  }
  await store.updateReport(doc.report.id, (draft) => {
    draft.annotations = draft.annotations.filter((a) => a.id !== restored.id);
    draft.annotations.push(restored);
  });
  return restored;
}

const shortQuote = (quote: string) => (quote.length > 60 ? `${quote.slice(0, 57)}…` : quote);

export type ReanchorCounts = Record<ReanchorStatus, number>;

/**
 * Finds every annotation of a report again in its current text (after re-extraction changed the text).
 * Annotations still at their place are left alone; lost ones keep their old anchor and quote, so
 * nothing the officer wrote is dropped, and the reader shows them as "passage not found".
 */
export async function reanchorAnnotations(store: Store, reportId: string): Promise<ReanchorCounts> {
  const doc = requireReport(store, reportId);
  const counts: ReanchorCounts = { exact: 0, moved: 0, fuzzy: 0, lost: 0 };
  if (doc.annotations.length === 0) return counts;
  const text = await store.readText(doc.report.sha256);
  const found = new Map<string, Annotation>();
  for (const a of doc.annotations) {
    const again = reanchor(text.text, a, text.pages);
    counts[again.status] += 1;
    if (again.status === 'moved' || again.status === 'fuzzy') {
      found.set(a.id, { ...a, anchor: again.anchor, prefix: again.prefix, suffix: again.suffix });
    }
  }
  if (found.size > 0) {
    await store.updateReport(reportId, (draft) => {
      draft.annotations = draft.annotations.map((a) => found.get(a.id) ?? a);
    });
  }
  return counts;
}
