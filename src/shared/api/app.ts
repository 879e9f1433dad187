import { z } from 'zod';
import { read } from './define';
import { IsoDateTime } from '../domain/ids';

export const RecoveryNotice = z.object({
  file: z.string(),
  setAsideAs: z.string(),
  problem: z.string(),
  restoredFrom: z.string().nullable(),
  /** Absent for a damaged file set aside (and perhaps restored); otherwise what open did, said in `message`. */
  action: z.enum(['reattached', 'rebuilt', 'left', 'reimported', 'backup-kept']).optional(),
  /** The whole sentence for the banner, when `action` is given. */
  message: z.string().optional(),
});
export type RecoveryNotice = z.infer<typeof RecoveryNotice>;

export const AppStatus = z.object({
  version: z.string(),
  dataDir: z.string(),
  lastSavedAt: IsoDateTime.nullable(),
  recovered: z.array(RecoveryNotice),
  transport: z.enum(['ipc', 'http']),
  /** Encryption at rest: possible only in the desktop app with the OS account's key store; off by default. */
  encryption: z.object({ available: z.boolean(), on: z.boolean() }),
});
export type AppStatus = z.infer<typeof AppStatus>;

export const appCalls = {
  'app.status': read(
    z.object({
      /** Answer once every report and note file is loaded, so `recovered` names every file recovered at this start. */
      whenLoaded: z.boolean().optional(),
    }),
    AppStatus,
    ['store'],
  ),
};
