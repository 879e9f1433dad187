import type { settingsCalls } from '../../../shared/api/settings';
import { clearForceLogo, forceLogo, setForceLogo } from '../../services/force-logo';
import type { HandlersFor } from '../handler-types';

export const settingsHandlers: HandlersFor<typeof settingsCalls> = {
  'settings.get': async (_input, { store }) => store.index.settings,
  'settings.update': async (patch, { store }) =>
    store.updateIndex((index) => {
      index.settings = { ...index.settings, ...patch };
      return index.settings;
    }),
  'settings.logo': async (_input, { store }) => {
    const found = await forceLogo(store);
    return found ? { ...found.logo, dataBase64: Buffer.from(found.bytes).toString('base64') } : null;
  },
  'settings.setLogo': async ({ fileName, dataBase64 }, { store }) => setForceLogo(store, fileName, Buffer.from(dataBase64, 'base64')),
  'settings.clearLogo': async (_input, { store }) => clearForceLogo(store),
};
