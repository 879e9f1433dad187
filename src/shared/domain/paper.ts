import { z } from 'zod';
import { Id, IsoDate, IsoDateTime } from './ids';

/**
 * A board paper in the store: which report it is about and the officer's edits. Everything derived
 * from data is rebuilt from the report each time; `paragraphs` holds only the text the officer wrote
 * or changed, keyed by paragraph key (e.g. "4.3").
 */
export const BoardPaper = z.object({
  id: Id,
  reportId: Id,
  title: z.string(),
  date: IsoDate,
  paragraphs: z.record(z.string(), z.string()),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type BoardPaper = z.infer<typeof BoardPaper>;

/**
 * Settings belong to the team (shared when working as a team) unless a field carries
 * `.meta({ sync: 'personal' })`, which keeps it on this computer.
 */
export const Settings = z.object({
  /** The officer's name, recorded against changes and progress updates. */
  userName: z.string().meta({ sync: 'personal' }),
  boardName: z.string(),
  author: z.string(),
  strapline: z.string(),
  contactOfficer: z.string(),
  forceName: z.string(),
  /** Where progress on findings is monitored, for paragraph 4.6. */
  monitoringForum: z.string(),
  oversight: z.string(),
  /** Whether board papers carry the logo in resources/ in their header; absent (older stores) means yes. */
  includeLogo: z.boolean().optional(),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  userName: 'HMICFRS Liaison Officer',
  boardName: 'Business Coordination Board',
  author: 'Chief Constable',
  strapline: 'Creating a safer\nCambridgeshire',
  contactOfficer: 'HMICFRS Liaison Officer',
  forceName: 'Cambridgeshire Constabulary',
  monitoringForum: "the force's Organisational Improvement Group, chaired by the Head of Corporate Development",
  oversight: 'the Deputy Chief Constable through the HMICFRS Gold Group',
  includeLogo: true,
};
