import { z } from 'zod';
import { read, write } from './define';
import { Settings } from '../domain/paper';

export const settingsCalls = {
  'settings.get': read(z.object({}), Settings, ['settings']),
  'settings.update': write(Settings.partial(), Settings, ['settings']),
};
