import type { CallInput, CallName, CallOutput } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';

type Transport = (name: string, input: unknown) => Promise<unknown>;

const TOKEN_KEY = 'liaison-token';

/** In the browser host the token arrives once in the address fragment and is kept for the tab's life. */
function httpToken(): string {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', window.location.pathname);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpTransport(): Transport {
  const token = httpToken();
  return async (name, input) => {
    const response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ input }),
    });
    if (response.headers.get('content-type')?.startsWith('application/json')) return response.json();
    return { ok: false, error: { code: 'forbidden', message: await response.text() } };
  };
}

/** The desktop app talks over the preload's IPC bridge; the browser host over loopback HTTP. */
const transport: Transport = window.liaison ? (name, input) => window.liaison!.call(name, input) : httpTransport();

export const transportName: 'ipc' | 'http' = window.liaison ? 'ipc' : 'http';

export async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>> {
  try {
    return (await transport(name, input)) as Result<CallOutput<K>>;
  } catch (error) {
    return { ok: false, error: { code: 'not-available', message: `Liaison Desk could not be reached: ${(error as Error).message}` } };
  }
}

/**
 * Sends a call as the window is closing (pagehide): the browser host's request is marked keepalive so
 * it outlives the page; over IPC the message has left the renderer once this returns.
 */
export function callWhileLeaving<K extends CallName>(name: K, input: CallInput<K>): void {
  if (window.liaison) {
    void window.liaison.call(name, input).catch(() => undefined);
    return;
  }
  void fetch(`/api/${encodeURIComponent(name)}`, {
    method: 'POST',
    keepalive: true,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionStorage.getItem(TOKEN_KEY) ?? ''}` },
    body: JSON.stringify({ input }),
  }).catch(() => undefined);
}

/** For places where an error should surface as an exception (caught by the page's error display). */
export async function callOrThrow<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  return valueOrThrow(await call(name, input));
}

/** An answer's value, or its error as a CallError. */
export function valueOrThrow<T>(result: Result<T>): T {
  if (!result.ok) throw new CallError(result.error.code, result.error.message);
  return result.value;
}

export class CallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
