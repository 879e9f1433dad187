import type { Settings } from './paper';

/** The settings of a new store: the force's own house style for board papers, until the officer changes them. */
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
