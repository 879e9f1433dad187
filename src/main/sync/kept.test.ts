import { afterEach, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { KeptItems } from './kept';
import { openLocal, type Pouch } from './pouch';

const temp = useTempDirs();
const open: Pouch[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.close();
});

it('an item two computers filed apart is dismissed once, everywhere', async () => {
  const [one, two] = [openLocal(await temp()), openLocal(await temp())];
  open.push(one, two);
  const proposal = { docId: 'r:r1/findings:f1', unit: 'r:r1', kind: 'findings', reason: 'Only an approver can close a finding', changes: [{ field: 'tracking.status', value: 'Closed', was: 'Proposed for closure' }], by: 'Bob Brown' };
  await new KeptItems(one).addProposal({ ...proposal, at: '2024-05-02T09:00:00.000Z' });
  await new KeptItems(two).addProposal({ ...proposal, at: '2024-05-02T09:00:05.000Z' });
  await one.replicate.to(two);
  await two.replicate.to(one);
  const items = await new KeptItems(one).list();
  expect(items).toHaveLength(1);
  expect(await new KeptItems(one).dismiss(items[0]!.id)).toBe(true);
  await one.replicate.to(two);
  expect(await new KeptItems(one).list()).toEqual([]);
  expect(await new KeptItems(two).list()).toEqual([]);
});
