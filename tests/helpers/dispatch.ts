import type { Dispatch } from '../../src/main/api/dispatcher';
import type { CallName } from '../../src/shared/api/contract';
import type { ApiError } from '../../src/shared/api/result';

/** Calls through the dispatcher and returns the value; a failure throws with its code and message. */
export async function callOk<T>(dispatch: Dispatch, name: CallName, input: unknown): Promise<T> {
  const result = await dispatch(name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Calls through the dispatcher expecting a failure, and returns the error value. */
export async function callFails(dispatch: Dispatch, name: CallName, input: unknown): Promise<ApiError> {
  const result = await dispatch(name, input);
  if (result.ok) throw new Error(`${name} succeeded`);
  return result.error;
}
