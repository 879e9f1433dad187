import { readdir } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Print } from './stats';

/**
 * `npm run bench`: runs every bench/*.bench.ts and prints one line per figure,
 * `bench: <name> <value> <unit>`. Pass names to run only some: `npm run bench -- store import`.
 */
const print: Print = (name, value, unit) => {
  const shown = unit === 'x' ? value.toFixed(2) : value < 10 ? value.toFixed(2) : value.toFixed(1);
  process.stdout.write(`bench: ${name} ${shown} ${unit}\n`);
};

const only = process.argv.slice(2);
const files = (await readdir(import.meta.dirname)).filter((f) => f.endsWith('.bench.ts')).sort();
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  if (only.length && !only.includes(name)) continue;
  const module = (await import(pathToFileURL(join(import.meta.dirname, file)).href)) as { run: (print: Print) => Promise<void> };
  await module.run(print);
}
