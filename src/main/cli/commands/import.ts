import type { ImportOutcome, SameReportChoice } from '../../../shared/api/reports';
import { AppError } from '../../../shared/api/result';
import { formatDate } from '../../../shared/domain/dates';
import { importDocument } from '../../services/import-document';
import { IMPORT_LIMITS } from '../../ingest/limits';
import { checkInputPath, readInputFile } from '../read-input-file';
import type { Command } from '../command';

/** What the officer reads about a file that turned out to be another file of a report already held. */
function sameReportLine(file: string, outcome: ImportOutcome): string | null {
  const same = outcome.sameReport;
  if (!same) return null;
  const held = `“${same.title}” (${same.id}, imported ${formatDate(same.importedAt)} from ${same.fileName})`;
  switch (outcome.action) {
    case 'same-report':
      return `${file} is the same report as ${held}; nothing was imported. Add --as-new to import it as a report of its own, --add-version to keep it as another file of that report, or --replace to make it that report's file.`;
    case 'replaced':
      return `${file} is the same report as ${held} and is now its file; tracking, annotations and corrections were carried over, and the old file is kept as an earlier version.`;
    case 'version-added':
      return `${file} is the same report as ${held} and is kept as another version of it; the report keeps one set of findings.`;
    default:
      return null;
  }
}

export const importCommand: Command = {
  name: 'import',
  usage: 'import <file> [<file> …] [--as-new|--add-version|--replace]',
  summary:
    "store a document and extract it; prints each report's id (the existing id for a file already held, or for another file of a report already held: \"same report as …\" unless --as-new)",
  options: { 'as-new': { type: 'boolean' }, 'add-version': { type: 'boolean' }, replace: { type: 'boolean' } },
  async run(files, values, io) {
    if (!files.length) throw new AppError('invalid-input', 'import needs a file: liaison import <file>');
    const chosen = (['as-new', 'add-version', 'replace'] as const).filter((flag) => values[flag] === true);
    if (chosen.length > 1) throw new AppError('invalid-input', `choose one of --as-new, --add-version and --replace, not ${chosen.join(' and ')}`);
    const choice: SameReportChoice = chosen[0] === 'as-new' ? 'new' : (chosen[0] ?? 'ask');
    // Every path is checked before the store is opened, so a bad one changes nothing.
    for (const file of files) await checkInputPath(file);
    const { store } = await io.open();
    for (const file of files) {
      const bytes = await readInputFile(file, IMPORT_LIMITS.maxFileBytes);
      const outcome = await importDocument(store, file, bytes, undefined, choice);
      io.out(`${outcome.id}\n`);
      const line = sameReportLine(file, outcome);
      if (line) io.err(`liaison import: ${line}\n`);
    }
  },
};
