import { runTeamSoak, teamSoakFigure } from './team-soak';

/** `npm run soak:team`: the long team soak, three computers, random edits and disconnects. */
const rounds = Number(process.env.SOAK_ROUNDS ?? 200);
const seconds = Number(process.env.SOAK_SECONDS ?? 600);
const result = await runTeamSoak({
  rounds,
  seconds,
  seed: Number(process.env.SOAK_SEED ?? Date.now() % 100_000),
  onRound: (n) => {
    if (n % 20 === 0) process.stderr.write(`team soak: round ${n}\n`);
  },
});
for (const problem of result.problems.slice(0, 20)) process.stdout.write(`${problem}\n`);
process.stdout.write(`${teamSoakFigure(result)}\n`);
process.exitCode = result.lost || result.duplicates || result.diverged ? 1 : 0;
