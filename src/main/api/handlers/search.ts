import type { searchCalls } from '../../../shared/api/search';
import type { HandlersFor } from '../handler-types';
import { searchStore } from '../../services/search';

export const searchHandlers: HandlersFor<typeof searchCalls> = {
  'search.query': async ({ q, limit, kinds }, { store }) => searchStore(store, q, { limit, kinds }),
};
