import { z } from 'zod';
import { read, write } from './define';
import { ForceLogo, Settings } from '../domain/paper';

/** A logo as the page shows it in Settings and in the paper's preview. */
export const LogoImage = ForceLogo.extend({ dataBase64: z.string() });
export type LogoImage = z.infer<typeof LogoImage>;

/** A logo the officer picked, as bytes: at most 2 MB (about 2.7 MB as base64). */
export const IncomingLogo = z.object({
  fileName: z.string().min(1).max(255),
  dataBase64: z.string().max(Math.ceil((2 * 1024 * 1024 * 4) / 3) + 4, 'a logo must be under 2 MB'),
});

/** Every setting but the logo, which changes only through settings.setLogo (checked and stored by main). */
export const SettingsChanges = Settings.omit({ logo: true }).partial();

export const settingsCalls = {
  'settings.get': read(z.object({}), Settings, ['settings']),
  'settings.update': write(SettingsChanges, Settings, ['settings']),
  /** The force's own logo, or null for the app's placeholder shield. */
  'settings.logo': read(z.object({}), LogoImage.nullable(), ['settings']),
  'settings.setLogo': write(IncomingLogo, Settings, ['settings']),
  'settings.clearLogo': write(z.object({}), Settings, ['settings']),
};
