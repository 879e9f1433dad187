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
 * Handlers loaded in two steps: `early` ones with the app, the rest (`load`) when a call first needs
 * them or a moment after the first call is answered, whichever comes first.
 */
export interface LazyHandlers {
  early: Partial<Handlers>;
  load: () => Promise<Handlers>;
}

/** After the first call is answered, the rest of the handlers are loaded this much later. */
const LOAD_REST_AFTER_MS = 1_000;

/**
 * The one entry point for every call, whichever transport carried it: checks the name against the
 * contract, parses the input, runs the handler, and turns anything thrown into an error value.
 */
export function createDispatcher(handlers: Handlers | LazyHandlers, ctx: ApiContext, log: (error: unknown) => void = console.error): Dispatch {
  const lazy = 'early' in handlers && 'load' in handlers ? (handlers as LazyHandlers) : null;
  let all: Handlers | null = lazy ? null : (handlers as Handlers);
  let loading: Promise<Handlers> | null = null;
  const loadAll = () => (loading ??= lazy!.load().then((loaded) => (all = loaded)));
  let scheduled = false;
  const loadSoon = () => {
    if (all || scheduled) return;
    scheduled = true;
    setTimeout(() => void loadAll().catch(log), LOAD_REST_AFTER_MS).unref();
  };
  return async (name, input) => {
    if (!isCallName(name)) return fail('unknown-call', `There is no call named ${JSON.stringify(String(name)).slice(0, 80)}.`);
    const parsed = contract[name].input.safeParse(input === undefined ? {} : input);
    if (!parsed.success) return fail('invalid-input', `${name}: ${z.prettifyError(parsed.error)}`);
    try {
      if (!ANSWERED_WHILE_LOADING.has(name)) await ctx.store.ready;
      const handler = (all?.[name] ?? lazy?.early[name] ?? (await loadAll())[name]) as (input: unknown, ctx: ApiContext) => Promise<unknown>;
      const answer = ok(await handler(parsed.data, ctx));
      loadSoon();
      return answer;
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message);
      log(error);
      return fail('internal', `${name} failed unexpectedly: ${(error as Error).message ?? String(error)}`);
    }
  };
}
