import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { atomicWrite } from '../store/atomic-write';

/**
 * This computer's team settings, kept beside the store in `sync/team.json` (never in the store, so a
 * backup or archive carries no connection): where the team database is, who you are there, whether
 * team working is on, this data folder's id in version vectors, and which tags share notes and
 * annotations. The password is never here (see PasswordVault).
 */
export const TeamConfig = z.object({
  server: z.string(),
  database: z.string(),
  user: z.string(),
  on: z.boolean(),
  client: z.string().regex(/^[A-Za-z0-9_-]+$/),
  sharedTags: z.array(z.string()).default([]),
});
export type TeamConfig = z.infer<typeof TeamConfig>;

export const syncFolder = (dataDir: string) => join(dataDir, 'sync');
const configFile = (dataDir: string) => join(syncFolder(dataDir), 'team.json');

/** One local PouchDB per team database, so joining another team never mixes their data. */
export const localDbFolder = (dataDir: string, url: string) => join(syncFolder(dataDir), `db-${createHash('sha1').update(url).digest('hex').slice(0, 12)}`);

export async function readTeamConfig(dataDir: string): Promise<TeamConfig | null> {
  const text = await readFile(configFile(dataDir), 'utf8').catch(() => null);
  if (text === null) return null;
  const parsed = TeamConfig.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}

export async function writeTeamConfig(dataDir: string, config: TeamConfig): Promise<void> {
  await mkdir(syncFolder(dataDir), { recursive: true });
  await atomicWrite(configFile(dataDir), JSON.stringify(TeamConfig.parse(config), null, 2));
}

export const newClientId = () => randomUUID().replace(/-/g, '').slice(0, 16);

/** Where the team password is kept: the OS key store in the desktop app, memory in the browser host, the environment in the CLI. */
export interface PasswordVault {
  /** Whether a password given once is remembered after the app closes. */
  readonly remembers: boolean;
  get(account: string): Promise<string | null>;
  set(account: string, password: string): Promise<void>;
  clear(account: string): Promise<void>;
}

/** The browser host's vault: the password lives in main's memory until the host stops, and is asked for again next time. */
export function memoryVault(): PasswordVault {
  const kept = new Map<string, string>();
  return {
    remembers: false,
    get: async (account) => kept.get(account) ?? null,
    set: async (account, password) => void kept.set(account, password),
    clear: async (account) => void kept.delete(account),
  };
}

export const vaultAccount = (config: Pick<TeamConfig, 'server' | 'database' | 'user'>) => `${config.user}@${config.server}/${config.database}`;
