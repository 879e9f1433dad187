import { runCli } from '../../src/main/cli/run';

/** Runs a CLI command in this process, capturing what it prints and its exit code. */
export async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, (t) => (out += t), (t) => (err += t));
  return { code, out, err };
}
