import { z } from 'zod';
import { call } from './define';
import { Settings } from '../domain/paper';

export const settingsCalls = {
  'settings.get': call(z.object({}), Settings, false),
  'settings.update': call(Settings.partial(), Settings, true),
};
