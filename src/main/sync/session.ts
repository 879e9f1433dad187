import { mkdir } from 'node:fs/promises';
import type { Store } from '../store/repository';
import { AppError } from '../../shared/api/result';
import { localDbFolder, newClientId, readTeamConfig, syncFolder, writeTeamConfig, type TeamConfig } from './config';
import { SyncEngine, type EngineOptions } from './engine';
import { databaseUrl, type TeamAddress } from './remote';

export interface SessionInput extends TeamAddress {
  user: string;
  password: string;
}

/**
 * Opens the sync engine for a data folder: saves the team settings (keeping this folder's id and
 * shared tags), opens the local PouchDB for that team database. Refused for a store encrypted at rest:
 * the local copy PouchDB keeps is not encrypted, so it would leave the data readable on disk.
 */
export async function openSession(
  store: Store,
  dataDir: string,
  input: SessionInput,
  extra: Partial<Pick<EngineOptions, 'onStatus' | 'onApplied' | 'retryDelayMs' | 'now'>> & { on?: boolean } = {},
): Promise<{ engine: SyncEngine; config: TeamConfig; plainHttp: boolean }> {
  if (store.encryption.on) {
    throw new AppError(
      'not-available',
      'Team working keeps a copy of the shared data in the data folder that is not encrypted, so it is not available while encryption at rest is on.',
    );
  }
  const { url, plainHttp } = databaseUrl(input);
  const previous = await readTeamConfig(dataDir);
  const config: TeamConfig = {
    server: input.server,
    database: input.database,
    user: input.user,
    on: extra.on ?? previous?.on ?? true,
    client: previous?.client ?? newClientId(),
    sharedTags: previous?.sharedTags ?? [],
  };
  await writeTeamConfig(dataDir, config);
  await mkdir(syncFolder(dataDir), { recursive: true });
  const engine = await SyncEngine.open({
    store,
    folder: localDbFolder(dataDir, url),
    url,
    username: input.user,
    password: input.password,
    client: config.client,
    sharing: { sharedTags: config.sharedTags },
    ...extra,
  });
  return { engine, config, plainHttp };
}
