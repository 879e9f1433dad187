import { AppError } from '../../shared/api/result';
import { databaseUrl, describeFailure, type TeamAddress } from './remote';
import { rulesDoc, RULES_ID, RULES_VERSION } from './rules';

export interface TeamAccess {
  url: string;
  plainHttp: boolean;
  user: string;
  roles: string[];
  /** Liaison Desk documents already in the team database (0: a new team). */
  documents: number;
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

async function request(url: string, user: string, password: string, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { Authorization: basic(user, password), Accept: 'application/json', 'Content-Type': 'application/json', ...(init.headers ?? {}) },
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new AppError('not-available', describeFailure(error).message);
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  return { status: response.status, body };
}

const fail = (status: number, body: Record<string, unknown>): never => {
  const problem = describeFailure({ status, name: body.error as string, reason: body.reason as string, message: body.reason as string });
  throw new AppError(problem.kind === 'auth' || problem.kind === 'not-member' || problem.kind === 'refused' ? 'forbidden' : 'not-available', problem.message);
};

/**
 * Checks the team database before any data moves: the user name and password (the server's
 * `_session`), membership of the database, and the rules design document, which it installs or
 * updates when this user may (a database admin); a team whose rules are missing is refused, because
 * without them roles would not be enforced.
 */
export async function inspectTeam(address: TeamAddress, user: string, password: string): Promise<TeamAccess> {
  const { url, plainHttp } = databaseUrl(address);
  const server = url.slice(0, url.lastIndexOf('/'));
  const session = await request(`${server}/_session`, user, password);
  if (session.status === 401) throw new AppError('forbidden', 'wrong user name or password');
  if (session.status >= 400) fail(session.status, session.body);
  const ctx = (session.body.userCtx ?? {}) as { name?: string | null; roles?: string[] };
  if (ctx.name !== user) throw new AppError('forbidden', 'wrong user name or password');

  const info = await request(url, user, password);
  if (info.status >= 400) fail(info.status, info.body);

  const rules = await request(`${url}/${RULES_ID}`, user, password);
  const installed = rules.status === 200 ? Number(rules.body.liaisonRules ?? 0) : 0;
  if (installed < RULES_VERSION) {
    const doc = { ...rulesDoc(), ...(rules.status === 200 ? { _rev: rules.body._rev } : {}) };
    const put = await request(`${url}/${RULES_ID}`, user, password, { method: 'PUT', body: JSON.stringify(doc) });
    if (put.status >= 400) {
      if (installed > 0) {
        // Older rules are still rules: carry on, they are updated when an admin next connects.
      } else {
        throw new AppError(
          'forbidden',
          "the team database has no Liaison Desk rules yet, so roles would not be enforced; its administrator must connect once first (the app then installs them)",
        );
      }
    }
  }
  const docCount = Number(info.body.doc_count ?? 0);
  return { url, plainHttp, user, roles: ctx.roles ?? [], documents: Math.max(0, docCount - 1) };
}
