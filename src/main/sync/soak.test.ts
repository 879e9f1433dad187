import { expect, it } from 'vitest';
import { runTeamSoak, teamSoakFigure } from '../../../tests/soak/team-soak';

it('three computers with random edits and dropped lines end with nothing lost, nothing twice and one register', async () => {
  const result = await runTeamSoak({ rounds: 12, seconds: 90, seed: 11 });
  process.stdout.write(`${teamSoakFigure(result)}\n`);
  expect(result.problems).toEqual([]);
  expect(result.edits).toBeGreaterThan(30);
  expect({ lost: result.lost, duplicates: result.duplicates, diverged: result.diverged }).toEqual({ lost: 0, duplicates: 0, diverged: 0 });
}, 240_000);
