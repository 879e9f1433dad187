import type { Stamp } from './stamps';

/** Two people changed one value while apart: the value kept and the one set aside. */
export interface FieldConflict {
  docId: string;
  unit: string;
  kind: string;
  field: string;
  kept: Stamp;
  other: Stamp;
}
