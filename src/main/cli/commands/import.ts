import { AppError } from '../../../shared/api/result';
import { importDocument } from '../../services/import-document';
import { IMPORT_LIMITS } from '../../ingest/limits';
import { checkInputPath, readInputFile } from '../read-input-file';
import type { Command } from '../command';

export const importCommand: Command = {
  name: 'import',
  usage: 'import <file> [<file> …]',
  summary: "store a document and extract it; prints each report's id (the existing id if already imported)",
  async run(files, _values, io) {
    if (!files.length) throw new AppError('invalid-input', 'import needs a file: liaison import <file>');
    // Every path is checked before the store is opened, so a bad one changes nothing.
    for (const file of files) await checkInputPath(file);
    const { store } = await io.open();
    for (const file of files) {
      const bytes = await readInputFile(file, IMPORT_LIMITS.maxFileBytes);
      const outcome = await importDocument(store, file, bytes);
      io.out(`${outcome.id}\n`);
    }
  },
};
