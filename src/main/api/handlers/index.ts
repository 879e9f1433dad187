import type { Handlers } from '../handler-types';
import { annotationHandlers } from './annotations';
import { appHandlers } from './app';
import { findingHandlers } from './findings';
import { noteHandlers } from './notes';
import { searchHandlers } from './search';
import { paperHandlers } from './papers';
import { reportHandlers } from './reports';
import { reviewHandlers } from './review';
import { settingsHandlers } from './settings';
import { storeHandlers } from './store';
import { trackingHandlers } from './tracking';
import { requestHandlers } from './requests';
import { progressPaperHandlers } from './progress-papers';
import { syncHandlers } from './sync';

/** Every call's handler; the type makes a call in the contract without a handler a compile error. */
export const handlers: Handlers = {
  ...annotationHandlers,
  ...appHandlers,
  ...findingHandlers,
  ...noteHandlers,
  ...searchHandlers,
  ...paperHandlers,
  ...reportHandlers,
  ...reviewHandlers,
  ...settingsHandlers,
  ...storeHandlers,
  ...trackingHandlers,
  ...requestHandlers,
  ...progressPaperHandlers,
  ...syncHandlers,
};
