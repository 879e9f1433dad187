import { z } from 'zod';
import { contract, isCallName } from '../../shared/api/contract';
import { AppError, fail, ok, type Result } from '../../shared/api/result';
import type { ApiContext } from './context';
import type { Handlers } from './handler-types';

export type Dispatch = (name: unknown, input: unknown) => Promise<Result<unknown>>;

/**
 * Calls answered while the store is still loading its report and note files in the background: the
 * first screen (status, the reports list from the report heads) and search (its own persisted index).
 * Every other call waits here, in one place, for `store.ready`, so services can read the store as if
 * everything were in memory.
 */
const ANSWERED_WHILE_LOADING: ReadonlySet<string> = new Set(['app.status', 'reports.list', 'search.query']);

/**
 * The one entry point for every call, whichever transport carried it: checks the name against the
 * contract, parses the input, runs the handler, and turns anything thrown into an error value.
 */
export function createDispatcher(handlers: Handlers, ctx: ApiContext, log: (error: unknown) => void = console.error): Dispatch {
  return async (name, input) => {
    if (!isCallName(name)) return fail('unknown-call', `There is no call named ${JSON.stringify(String(name)).slice(0, 80)}.`);
    const parsed = contract[name].input.safeParse(input === undefined ? {} : input);
    if (!parsed.success) return fail('invalid-input', `${name}: ${z.prettifyError(parsed.error)}`);
    try {
      if (!ANSWERED_WHILE_LOADING.has(name)) await ctx.store.ready;
      const handler = handlers[name] as (input: unknown, ctx: ApiContext) => Promise<unknown>;
      return ok(await handler(parsed.data, ctx));
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message);
      log(error);
      return fail('internal', `${name} failed unexpectedly: ${(error as Error).message ?? String(error)}`);
    }
  };
}
