import { join } from 'node:path';
import { packager } from '@electron/packager';
import { applyFuses } from './fuses';

/**
 * `npm run package`: the desktop app for this platform in release/, with the app in app.asar (its
 * integrity hash recorded), and the fuses of packaging/fuses.ts flipped in the Electron binary right
 * after it is unpacked, before anything else touches it. Needs Electron's release zip for the
 * platform, which @electron/packager downloads (or takes from its cache); without network it stops
 * with that reason.
 */
const BINARY: Record<string, string> = { linux: 'electron', win32: 'electron.exe', darwin: 'Electron.app' };

try {
  const paths = await packager({
    dir: '.',
    out: 'release',
    overwrite: true,
    asar: true,
    prune: true,
    name: 'Liaison Desk',
    executableName: 'liaison-desk',
    ignore: [/^\/(src|tests|bench|packaging|scripts|release|test-results|playwright-report|\.ci|\.github)(\/|$)/, /\.map$/],
    afterExtract: [
      (extractPath, _electronVersion, platform, arch, done) => {
        applyFuses(join(extractPath, BINARY[platform] ?? 'electron'), platform, arch).then(() => done(), done);
      },
    ],
  });
  process.stdout.write(`Packaged, with fuses set: ${paths.join(', ')}\n`);
} catch (error) {
  process.stderr.write(`package: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
