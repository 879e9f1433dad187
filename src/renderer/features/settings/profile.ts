import { DEFAULT_SETTINGS } from '../../../shared/domain/default-settings';
import type { Settings } from '../../../shared/domain/paper';

export const DEFAULT_ROLE = 'HMICFRS Liaison Officer';

/** The officer's name, or '' while it is still the placeholder a new data folder starts with (a role, not a name). */
export const officerName = (settings: Settings): string => (settings.userName === DEFAULT_SETTINGS.userName ? '' : settings.userName);

/** "Jane Smith, HMICFRS Liaison Officer": the contact officer a paper's bibliography names. */
export const contactLine = (name: string, role: string): string => [name.trim(), role.trim()].filter(Boolean).join(', ');

/**
 * The contact officer after the officer says who they are: their name and role, unless the contact officer
 * was set to someone else by hand.
 */
export function contactAfter(settings: Settings, name: string, role: string): string {
  const current = settings.contactOfficer.trim();
  const derivedBefore = contactLine(officerName(settings), settings.userRole ?? DEFAULT_ROLE);
  const placeholder = current === '' || current === DEFAULT_SETTINGS.contactOfficer || current === derivedBefore;
  return placeholder ? contactLine(name, role) : settings.contactOfficer;
}
