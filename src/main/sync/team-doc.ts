import type { Stamp } from './stamps';

/** The mapping's format, written into every document; a newer app refuses to guess at an older format. */
export const MAPPING_VERSION = 1;

/** A Liaison Desk document in the team database: one entity or record, its values stamped for merging. */
export interface TeamDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  _attachments?: Record<string, unknown>;
  liaison: number;
  unit: string;
  kind: string;
  parent: string | null;
  key: string | null;
  pos: number;
  f: Record<string, Stamp>;
}

/** What this computer last agreed with the team about one document: the base of the next three-way merge. */
export interface ShadowDoc {
  rev: string;
  kind: string;
  parent: string | null;
  key: string | null;
  pos: number;
  f: Record<string, Stamp>;
}

export const isTeamDoc = (doc: unknown): doc is TeamDoc =>
  !!doc && typeof doc === 'object' && typeof (doc as TeamDoc).unit === 'string' && typeof (doc as TeamDoc).f === 'object' && (doc as TeamDoc).liaison >= 1;

/** Where a finding-like record keeps field changes and the "changed by two people" flags. */
export const HISTORY_PATH = 'tracking.history';
export const FLAG_PATH = 'tracking.twoPeople';
