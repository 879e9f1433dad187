import { AppError } from '../../shared/api/result';

export interface TeamAddress {
  /** The server, e.g. https://couch.force.police.uk:6984 */
  server: string;
  database: string;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The team database's address, checked: https anywhere (certificate checks stay on), plain http only
 * to this computer (for trials and tests), and no user name or password inside the address.
 */
export function databaseUrl({ server, database }: TeamAddress): { url: string; plainHttp: boolean } {
  let parsed: URL;
  try {
    parsed = new URL(server.trim());
  } catch {
    throw new AppError('invalid-input', `The server address “${server}” is not a web address (it should look like https://couchdb.example.police.uk:6984).`);
  }
  if (parsed.username || parsed.password) {
    throw new AppError('invalid-input', 'Put the user name in its own field and the password where it is asked for, not in the server address.');
  }
  const plainHttp = parsed.protocol === 'http:';
  if (parsed.protocol !== 'https:' && !plainHttp) throw new AppError('invalid-input', 'The server address must start with https://.');
  if (plainHttp && !LOOPBACK.test(parsed.hostname)) {
    throw new AppError(
      'invalid-input',
      'Plain http would send the team’s data and your password unencrypted: use https:// (plain http is allowed only to this computer, for trials).',
    );
  }
  const name = database.trim();
  if (!/^[a-z][a-z0-9_$()+/-]*$/.test(name)) {
    throw new AppError('invalid-input', `“${database}” is not a CouchDB database name: lower-case letters, digits and _$()+-/ only, starting with a letter.`);
  }
  const base = parsed.href.replace(/\/+$/, '');
  return { url: `${base}/${encodeURIComponent(name)}`, plainHttp };
}

/** Splits `--remote https://host:6984/dbname` into server and database. */
export function splitRemote(remote: string, database?: string): TeamAddress {
  let parsed: URL;
  try {
    parsed = new URL(remote);
  } catch {
    throw new AppError('invalid-input', `The server address “${remote}” is not a web address.`);
  }
  const path = parsed.pathname.replace(/^\/+|\/+$/g, '');
  if (database) return { server: remote, database };
  if (!path) throw new AppError('invalid-input', 'Give the team database in the address (https://host:6984/liaison) or with --database.');
  parsed.pathname = '/';
  return { server: parsed.href.replace(/\/+$/, ''), database: decodeURIComponent(path) };
}

const UNREACHABLE = /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|ECONNRESET|EAI_AGAIN|socket hang up|fetch failed|network|Failed to fetch/i;
const TLS = /CERT|SSL|TLS|self[- ]signed|unable to verify|UNABLE_TO_GET_ISSUER/i;

export type Problem = { kind: 'unreachable' | 'auth' | 'not-member' | 'no-database' | 'certificate' | 'refused' | 'other'; message: string };

/** A failure from PouchDB or the server, in words an officer can act on. */
export function describeFailure(error: unknown): Problem {
  const e = (error ?? {}) as { status?: number; name?: string; error?: string; reason?: string; message?: string; code?: string; cause?: { code?: string; message?: string } };
  const text = [e.code, e.cause?.code, e.message, e.cause?.message, e.reason].filter(Boolean).join(' ');
  if (TLS.test(text) && !/unauthori[sz]ed/i.test(e.name ?? '')) {
    return { kind: 'certificate', message: `the server’s certificate is not trusted (${e.cause?.code ?? e.code ?? e.message}); certificate checks stay on` };
  }
  if (e.status === 401 && /name or password/i.test(`${e.reason} ${e.message}`)) return { kind: 'auth', message: 'wrong user name or password' };
  if (e.status === 401 || e.status === 403 && e.name === 'unauthorized') {
    return { kind: 'not-member', message: 'this user is not a member of the team database; ask the person who runs the server to add you' };
  }
  if (e.status === 403 || e.name === 'forbidden') return { kind: 'refused', message: e.reason ?? e.message ?? 'the server refused the change' };
  if (e.status === 404) return { kind: 'no-database', message: 'there is no team database of that name on the server' };
  if (!e.status && (UNREACHABLE.test(text) || e.name === 'TypeError' || e.status === 0)) return { kind: 'unreachable', message: 'the server is not reachable' };
  if (e.status && e.status >= 500) return { kind: 'unreachable', message: `the server is not answering properly (${e.status})` };
  return { kind: 'other', message: e.reason ?? e.message ?? String(error) };
}
