import { resolve } from 'node:path';
import { AppError } from '../../../shared/api/result';
import type { Command } from '../command';

export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup --out <file>',
  summary: 'export the whole store (reports, notes, texts and source files) to one archive; prints its path',
  options: { out: { type: 'string' } },
  async run(_args, values, io) {
    if (typeof values.out !== 'string' || !values.out) {
      throw new AppError('invalid-input', 'backup needs a file to write: liaison backup --out liaison-desk.ldarchive');
    }
    const file = resolve(values.out);
    const { store } = await io.open();
    await store.exportArchive(file);
    io.out(`${file}\n`);
  },
};
