import type { LooseDate } from './dates';

export type InspectorateName = { short: string; long: string };

/**
 * HMIC took on fire and rescue inspection on 19 July 2017 and became HMICFRS; "Her" became "His" on the
 * accession of 8 September 2022. The name is the one in force when the report was published.
 */
export function inspectorateName(published: LooseDate | null): InspectorateName {
  const key = published?.sortKey ?? '9999';
  const majesty = key >= '2022-09-08' ? 'His' : 'Her';
  if (key < '2017-07-19') return { short: 'HMIC', long: `${majesty} Majesty’s Inspectorate of Constabulary` };
  return {
    short: 'HMICFRS',
    long: `${majesty} Majesty’s Inspectorate of Constabulary and Fire and Rescue Services`,
  };
}
