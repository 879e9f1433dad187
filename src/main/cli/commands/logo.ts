import { readFile } from 'node:fs/promises';
import { AppError } from '../../../shared/api/result';
import { clearForceLogo, setForceLogo } from '../../services/force-logo';
import type { Command } from '../command';

export const logoCommand: Command = {
  name: 'logo',
  usage: 'logo set <file> | logo clear',
  summary: "the force's logo for board papers: a PNG, JPEG or SVG (checked; an SVG is drawn as a PNG), kept in the data folder; clear goes back to the placeholder",
  async run([action, file, ...extra], _values, io) {
    if (action === 'clear' && !file) {
      await clearForceLogo((await io.open()).store);
      return io.out('The papers carry the placeholder shield again.\n');
    }
    if (action !== 'set' || !file || extra.length) throw new AppError('invalid-input', 'use: liaison logo set <file.png|.jpg|.svg>, or liaison logo clear');
    const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
      throw new AppError('not-found', `Cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
    });
    const { logo } = await setForceLogo((await io.open()).store, file, bytes);
    io.out(`${logo?.fileName}: ${logo?.width} × ${logo?.height} pixels${logo?.from === 'svg' ? ', drawn from the SVG' : ''}\n`);
  },
};
