import { registerXlsx } from '../../services/board-papers';
import type { Command } from '../command';
import { writeOutput } from '../write-output';

export const registerCommand: Command = {
  name: 'register',
  usage: 'register --out <file.xlsx>',
  summary: 'write the findings register (every finding with its tracking) as .xlsx; prints the path written',
  options: { out: { type: 'string' } },
  async run(_args, values, io) {
    const { store } = await io.open({ readOnly: true });
    io.out(`${await writeOutput(values.out, '.xlsx', await registerXlsx(store))}\n`);
  },
};
