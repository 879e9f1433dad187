import { resolve } from 'node:path';
import { AppError } from '../../../shared/api/result';
import { restoreArchive } from '../../store/restore';
import type { Command } from '../command';
import { checkInputPath } from '../read-input-file';

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'restore <file>',
  summary: 'replace the store with an archive made by backup (checked first; the current contents are set aside, never deleted)',
  async run([file, ...extra], _values, io) {
    if (!file || extra.length) throw new AppError('invalid-input', 'restore needs one archive: liaison restore <file>');
    await checkInputPath(file);
    // Not through io.open(): the store must stay closed while it is replaced, and restoreArchive takes its lock.
    const outcome = await restoreArchive(io.dataDir, resolve(file));
    io.out(
      `Restored ${outcome.reports} report${outcome.reports === 1 ? '' : 's'} and ${outcome.notes} note${outcome.notes === 1 ? '' : 's'} into ${io.dataDir}; the previous contents are in ${outcome.setAsideAs}.\n`,
    );
  },
};
