import type { Handlers } from '../handler-types';
import { appHandlers } from './app';
import { reportHandlers } from './reports';
import { settingsHandlers } from './settings';

/** Every call's handler; the type makes a call in the contract without a handler a compile error. */
export const handlers: Handlers = {
  ...appHandlers,
  ...reportHandlers,
  ...settingsHandlers,
};
