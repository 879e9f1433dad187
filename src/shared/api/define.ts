import type { z } from 'zod';

/**
 * What a call reads or changes, so a window refreshes only the reads a write touched. A read lists the
 * topics its answer depends on; a write lists the topics it changes. Every write also changes `store`
 * (the last-saved time in `app.status`).
 */
export const TOPICS = ['store', 'settings', 'reports', 'findings', 'links', 'annotations', 'notes', 'papers'] as const;
export type Topic = (typeof TOPICS)[number];

export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Changes stored data; lets the transports and tests know a call writes. */
  writes: boolean;
  /** For a read, what its answer depends on; for a write, what it changes. */
  topics: readonly Topic[];
}

/** A call that only reads: its answer depends on `topics`. */
export const read = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, topics: readonly Topic[]): CallSpec<I, O> => ({
  input,
  output,
  writes: false,
  topics,
});

/** A call that changes stored data (or writes a file): every read depending on one of `topics` is stale after it. */
export const write = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, topics: readonly Topic[]): CallSpec<I, O> => ({
  input,
  output,
  writes: true,
  topics: topics.includes('store') ? topics : ['store', ...topics],
});
