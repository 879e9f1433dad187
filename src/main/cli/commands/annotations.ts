import { extname } from 'node:path';
import { AppError } from '../../../shared/api/result';
import { exportAnnotations } from '../../services/annotations-export';
import type { Command } from '../command';
import { writeOutput } from '../write-output';

export const annotationsCommand: Command = {
  name: 'annotations',
  usage: 'annotations export REPORT-ID --out F.docx|F.csv',
  summary: 'write a report’s annotations (quote, page, note, tags, colour, date) as .docx or .csv; prints the path written',
  options: { out: { type: 'string' } },
  async run([action, reportId], values, io) {
    if (action !== 'export') throw new AppError('invalid-input', 'Use “annotations export REPORT-ID --out F.docx|F.csv”.');
    if (!reportId) throw new AppError('invalid-input', 'annotations export needs a report id (ids: liaison list).');
    const out = typeof values.out === 'string' ? values.out : '';
    const extension = extname(out).toLowerCase();
    if (out && extension !== '.csv' && extension !== '.docx') throw new AppError('invalid-input', `the output file must end in .docx or .csv: ${out}`);
    const { store } = await io.open({ readOnly: true });
    const made = await exportAnnotations(store, reportId, extension === '.csv' ? 'csv' : 'docx');
    io.out(`${await writeOutput(values.out, extension || '.docx', made.bytes)}\n`);
  },
};
