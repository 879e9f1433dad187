import type { PageRange, SourceAnchor } from '../../shared/domain/anchor';
import type { DocumentText } from '../ingest/document-text';

export type Anchorer = (start: number, end: number) => SourceAnchor;

/** Anchors carry the page a passage starts on for paged sources, found by binary search over the page ranges. */
export function anchorer(doc: DocumentText): Anchorer {
  const pages: PageRange[] = doc.pages;
  return (start, end) => ({ start, end, page: pageOf(pages, start), quote: doc.text.slice(start, end) });
}

function pageOf(pages: PageRange[], offset: number): number | null {
  let low = 0;
  let high = pages.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const page = pages[middle];
    if (!page) return null;
    if (offset < page.start) high = middle - 1;
    else if (offset > page.end) low = middle + 1;
    else return page.page;
  }
  return pages[Math.max(0, Math.min(low, pages.length - 1))]?.page ?? null;
}
