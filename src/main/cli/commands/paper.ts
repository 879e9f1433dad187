import { AppError } from '../../../shared/api/result';
import { paperDocx, paperModel } from '../../services/board-papers';
import type { Command } from '../command';
import { writeOutput } from '../write-output';

export const paperCommand: Command = {
  name: 'paper',
  usage: 'paper <report-id> --out <file.docx>',
  summary: 'write the default board paper for an imported report as .docx; prints the path written',
  options: { out: { type: 'string' } },
  async run([reportId], values, io) {
    if (!reportId) throw new AppError('invalid-input', 'paper needs a report id: liaison paper <report-id> --out <file.docx> (ids: liaison list)');
    const { store } = await io.open({ readOnly: true });
    const model = await paperModel(store, reportId, null);
    io.out(`${await writeOutput(values.out, '.docx', await paperDocx(store, model))}\n`);
  },
};
