import type { settingsCalls } from '../../../shared/api/settings';
import type { HandlersFor } from '../handler-types';

export const settingsHandlers: HandlersFor<typeof settingsCalls> = {
  'settings.get': async (_input, { store }) => store.index.settings,
  'settings.update': async (patch, { store }) =>
    store.updateIndex((index) => {
      index.settings = { ...index.settings, ...patch };
      return index.settings;
    }),
};
