import { AppError } from '../../../shared/api/result';
import type { Extraction } from '../../../shared/domain/extraction';
import { readAndExtract } from '../../ingest/read-in-worker';
import type { Command } from '../command';
import { IMPORT_LIMITS } from '../../ingest/limits';
import { readInputFile } from '../read-input-file';

/**
 * The extraction contract used for automation and accuracy measurement: one JSON object on stdout,
 * nothing else. Besides the contract's fields it carries each item's source anchor. Every judgment and
 * finding has `addressee`, `due`, `confidence` and `foundBy`, null when not known (a judgment has no
 * addressee or deadline), so a consumer can rely on the keys.
 */
export const extractCommand: Command = {
  name: 'extract',
  usage: 'extract <file>',
  summary: 'print what would be extracted from a document, as JSON (stores nothing)',
  async run([file], _values, io) {
    if (!file) throw new AppError('invalid-input', 'extract needs a file: liaison extract <file>');
    const bytes = await readInputFile(file, IMPORT_LIMITS.maxFileBytes);
    io.out(`${JSON.stringify(withEveryField((await readAndExtract(file, bytes)).extraction), null, 2)}\n`);
  },
};

function withEveryField(e: Extraction) {
  return {
    ...e,
    judgments: e.judgments.map((j) => ({ ...j, addressee: null, due: null, confidence: j.confidence ?? null, foundBy: j.foundBy ?? null })),
    findings: e.findings.map((f) => ({ ...f, addressee: f.addressee ?? null, due: f.due ?? null, confidence: f.confidence ?? null, foundBy: f.foundBy ?? null })),
  };
}
