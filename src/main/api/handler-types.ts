import type { z } from 'zod';
import type { CallSpec } from '../../shared/api/define';
import type { Contract } from '../../shared/api/contract';
import type { ApiContext } from './context';

/** Handlers for a group of calls: each takes the parsed input and resolves to the call's output. */
export type HandlersFor<C extends Record<string, CallSpec>> = {
  [K in keyof C]: (input: z.output<C[K]['input']>, ctx: ApiContext) => Promise<z.input<C[K]['output']>>;
};

export type Handlers = HandlersFor<Contract>;
