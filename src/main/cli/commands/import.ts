import { readFile } from 'node:fs/promises';
import { AppError } from '../../../shared/api/result';
import { importDocument } from '../../services/import-document';
import type { Command } from '../command';

export const importCommand: Command = {
  name: 'import',
  usage: 'import <file> [<file> …]',
  summary: "store a document and extract it; prints each report's id (the existing id if already imported)",
  async run(files, _values, io) {
    if (!files.length) throw new AppError('invalid-input', 'import needs a file: liaison import <file>');
    const { store } = await io.open();
    for (const file of files) {
      const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
        throw new AppError('not-found', `Cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
      });
      const outcome = await importDocument(store, file, bytes);
      io.out(`${outcome.id}\n`);
    }
  },
};
