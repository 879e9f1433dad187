import type { z } from 'zod';

export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Changes stored data; lets the transports and tests know a call writes. */
  writes: boolean;
}

export const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, writes: boolean): CallSpec<I, O> => ({
  input,
  output,
  writes,
});
