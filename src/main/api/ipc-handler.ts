import { fail, type Result } from '../../shared/api/result';
import { isTrustedSender } from '../security/trust';
import type { Dispatch } from './dispatcher';

/** The parts of Electron's IpcMainInvokeEvent the check needs, so it can be tested without Electron. */
export interface IpcCallEvent {
  senderFrame: { url: string; top: unknown } | null;
}

/** Handles one `liaison:call` invoke: refuses any frame but the app's own top frame, then dispatches. */
export function ipcCallHandler(dispatch: Dispatch, appUrl: () => string) {
  return async (event: IpcCallEvent, name: unknown, input: unknown): Promise<Result<unknown>> => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame ? { url: frame.url, isMainFrame: frame === frame.top } : null, appUrl())) {
      return fail('forbidden', 'Calls are accepted only from the Liaison Desk window.');
    }
    return dispatch(name, input);
  };
}
