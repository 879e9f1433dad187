/**
 * A stretch of the source text to mark. The reader draws whatever ranges it is given, so other
 * features add their own kinds (e.g. annotations with a colour) by adding ranges to the list.
 */
export interface HighlightRange {
  start: number;
  end: number;
  kind: string;
  id: string;
  /** A colour name for kinds the officer colours themselves (annotations); otherwise the kind decides. */
  colour?: string;
}

export interface Segment {
  start: number;
  end: number;
  /** The ranges covering this stretch, innermost (shortest) last. */
  ranges: HighlightRange[];
}

/** Cuts [start, end) into segments at every range boundary, so overlapping highlights nest. */
export function segments(start: number, end: number, ranges: HighlightRange[]): Segment[] {
  const inside = ranges.filter((r) => r.start < end && r.end > start);
  if (inside.length === 0) return [{ start, end, ranges: [] }];
  const cuts = new Set<number>([start, end]);
  for (const r of inside) {
    if (r.start > start) cuts.add(r.start);
    if (r.end < end) cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const result: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const covering = inside.filter((r) => r.start <= from && r.end >= to).sort((a, b) => b.end - b.start - (a.end - a.start));
    result.push({ start: from, end: to, ranges: covering });
  }
  return result;
}
