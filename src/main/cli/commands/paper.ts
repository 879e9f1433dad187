import { AppError } from '../../../shared/api/result';
import { paperDocx, paperModel } from '../../services/board-papers';
import type { Command } from '../command';
import { progressPaperModel } from '../../services/progress-papers';
import { writeOutput } from '../write-output';

export const paperCommand: Command = {
  name: 'paper',
  usage: 'paper <report-id> --out <file.docx> | paper progress <report-id>|--all --out <file.docx>',
  summary: 'write the default board paper (or progress paper) for an imported report as .docx; prints the path written',
  options: { out: { type: 'string' }, all: { type: 'boolean' } },
  async run([reportId, progressOf], values, io) {
    if (reportId === 'progress') {
      if (!progressOf && !values.all) throw new AppError('invalid-input', 'paper progress needs a report id or --all: liaison paper progress <report-id>|--all --out <file.docx>');
      if (progressOf && values.all) throw new AppError('invalid-input', 'Give a report id or --all, not both.');
      const { store } = await io.open({ readOnly: true });
      const model = progressPaperModel(store, progressOf ?? null, null);
      return io.out(`${await writeOutput(values.out, '.docx', await paperDocx(store, model))}\n`);
    }
    if (!reportId) throw new AppError('invalid-input', 'paper needs a report id: liaison paper <report-id> --out <file.docx> (ids: liaison list)');
    const { store } = await io.open({ readOnly: true });
    const model = await paperModel(store, reportId, null);
    io.out(`${await writeOutput(values.out, '.docx', await paperDocx(store, model))}\n`);
  },
};
