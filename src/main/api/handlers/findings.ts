import type { findingCalls } from '../../../shared/api/findings';
import { filterRegister } from '../../../shared/domain/register';
import type { HandlersFor } from '../handler-types';
import { todayIso } from '../../services/board-papers';
import {
  addProgressUpdate,
  createLink,
  dashboardOf,
  decideLink,
  findingDetail,
  gradeHistoryOf,
  registerRows,
  suggestNewLinks,
  updateTracking,
} from '../../services/findings';

const now = () => new Date().toISOString();

export const findingHandlers: HandlersFor<typeof findingCalls> = {
  'findings.register': async ({ filter, sort }, { store }) => {
    const today = todayIso();
    const rows = registerRows(store, today);
    return filter || sort ? filterRegister(rows, filter ?? {}, sort ?? { by: 'report', dir: 'asc' }, today) : rows;
  },
  'findings.get': async ({ id }, { store }) => findingDetail(store, id),
  'findings.update': async ({ id, ...changes }, { store }) => updateTracking(store, id, changes, now()),
  'findings.addProgress': async ({ id, text, on }, { store }) => addProgressUpdate(store, id, text, now(), on),
  'findings.dashboard': async (_input, { store }) => dashboardOf(store, todayIso()),
  'links.suggest': async (_input, { store }) => suggestNewLinks(store, now()),
  'links.decide': async ({ id, decision }, { store }) => decideLink(store, id, decision, now()),
  'links.create': async ({ earlierId, laterId }, { store }) => createLink(store, earlierId, laterId, now()),
  'grades.history': async (_input, { store }) => gradeHistoryOf(store),
};
