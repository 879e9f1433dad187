import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { rulesDoc, RULES_ID } from '../../src/main/sync/rules';

const BIN = resolve(import.meta.dirname, 'couch-server.mjs');

export const ADMIN = { username: 'admin', password: 'team-admin-secret' };

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`pouchdb-server did not start at ${url}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const auth = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/**
 * A CouchDB-compatible server for the tests: pouchdb-server from npm, in memory, on a random loopback
 * port, with an admin (so it is not an "admin party"), users with roles and a team database whose
 * members are the `liaison` role, as the README tells a force to set up CouchDB.
 */
export class TeamServer {
  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
    private readonly dir: string,
  ) {}

  static async start(): Promise<TeamServer> {
    const dir = await mkdtemp(join(tmpdir(), 'liaison-couch-'));
    const port = await freePort();
    const child = spawn(process.execPath, [BIN, '--in-memory', '--host', '127.0.0.1', '--port', String(port), '--config', join(dir, 'config.json')], {
      cwd: dir,
      stdio: 'ignore',
    });
    const server = new TeamServer(`http://127.0.0.1:${port}`, child, dir);
    await waitFor(`${server.url}/`, 30_000);
    await fetch(`${server.url}/_config/admins/${ADMIN.username}`, { method: 'PUT', body: JSON.stringify(ADMIN.password) });
    return server;
  }

  async admin(path: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.url}${path}`, {
      ...init,
      headers: { Authorization: auth(ADMIN.username, ADMIN.password), 'Content-Type': 'application/json' },
    });
    const body = (await response.json()) as Record<string, unknown>;
    if (response.status >= 400) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${JSON.stringify(body)}`);
    return body;
  }

  async addUser(name: string, password: string, roles: string[] = []): Promise<void> {
    await this.admin(`/_users/org.couchdb.user:${name}`, {
      method: 'PUT',
      body: JSON.stringify({ name, password, roles: ['liaison', ...roles], type: 'user' }),
    });
  }

  /** A team database: members are the `liaison` role, the admin is its admin. */
  async createTeam(database: string): Promise<string> {
    await this.admin(`/${database}`, { method: 'PUT' });
    await this.admin(`/${database}/_security`, {
      method: 'PUT',
      body: JSON.stringify({ admins: { names: [ADMIN.username], roles: [] }, members: { names: [], roles: ['liaison'] } }),
    });
    return `${this.url}/${database}`;
  }

  /** What the app does when a database admin first connects: install the rules design document. */
  async installRules(database: string): Promise<void> {
    await this.admin(`/${database}/${RULES_ID}`, { method: 'PUT', body: JSON.stringify(rulesDoc()) });
  }

  async stop(): Promise<void> {
    this.child.kill('SIGTERM');
    await new Promise((r) => (this.child.exitCode !== null ? r(null) : this.child.once('exit', r)));
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** A loopback TCP relay in front of the server that can drop the line, to play "offline" for one client. */
export class Line {
  private up = true;
  private readonly sockets = new Set<Socket>();
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async to(target: string): Promise<Line> {
    const { hostname, port } = new URL(target);
    const holder: { line?: Line } = {};
    const server = createServer((socket) => {
      const line = holder.line!;
      if (!line.up) return socket.destroy();
      const upstream = connect(Number(port), hostname);
      line.sockets.add(socket).add(upstream);
      const close = () => {
        socket.destroy();
        upstream.destroy();
        line.sockets.delete(socket);
        line.sockets.delete(upstream);
      };
      socket.on('error', close).on('close', close);
      upstream.on('error', close).on('close', close);
      socket.pipe(upstream).pipe(socket);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    holder.line = new Line(server, `http://127.0.0.1:${(server.address() as { port: number }).port}`);
    return holder.line;
  }

  down(): void {
    this.up = false;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  restore(): void {
    this.up = true;
  }

  async close(): Promise<void> {
    this.down();
    await new Promise((r) => this.server.close(r));
  }
}
