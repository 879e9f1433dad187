import { canonicalJson, sameValue } from './canonical';

/**
 * One synced value with what is needed to merge it: when and by whom it was set, and a version vector
 * (`c`: how many changes of this field each computer had made or seen), which says exactly whether two
 * values were set one after the other (no conflict) or while apart (two people changed it).
 */
export interface Stamp {
  v: unknown;
  at: string;
  by: string;
  c: Record<string, number>;
}

export type Order = 'before' | 'after' | 'same' | 'apart';

/** How version vector `a` stands to `b`. */
export function compareClocks(a: Record<string, number>, b: Record<string, number>): Order {
  let less = false;
  let more = false;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[key] ?? 0;
    const y = b[key] ?? 0;
    if (x < y) less = true;
    if (x > y) more = true;
  }
  if (less && more) return 'apart';
  if (less) return 'before';
  if (more) return 'after';
  return 'same';
}

export function joinClocks(...clocks: Record<string, number>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const clock of clocks) for (const [key, n] of Object.entries(clock)) out[key] = Math.max(out[key] ?? 0, n);
  return out;
}

/** The later change wins; on the same instant the larger name, then the larger value, so every computer picks the same one. */
export function laterFirst(a: Stamp, b: Stamp): number {
  if (a.at !== b.at) return a.at > b.at ? -1 : 1;
  if (a.by !== b.by) return a.by > b.by ? -1 : 1;
  const ja = canonicalJson(a.v);
  const jb = canonicalJson(b.v);
  return ja === jb ? 0 : ja > jb ? -1 : 1;
}

export interface Resolution {
  stamp: Stamp;
  /** Values set while apart that did not win, for the history and the "changed by two people" flag. */
  losers: Stamp[];
}

/**
 * Merges the versions of one field found in conflicting revisions. A version another one has seen
 * drops out; of those left (set while apart) the deterministic winner stays, and the others with a
 * different value are returned as losers. The result's clock has seen them all.
 */
export function resolveStamps(stamps: Stamp[]): Resolution {
  const distinct = stamps.filter((s, i) => stamps.findIndex((o) => o === s || (compareClocks(o.c, s.c) === 'same' && sameValue(o.v, s.v))) === i);
  const heads = distinct.filter((s) => !distinct.some((o) => o !== s && compareClocks(s.c, o.c) === 'before'));
  const ordered = [...heads].sort(laterFirst);
  const winner = ordered[0]!;
  const losers = ordered.slice(1).filter((s) => !sameValue(s.v, winner.v));
  return { stamp: { ...winner, c: joinClocks(...distinct.map((s) => s.c)) }, losers };
}
