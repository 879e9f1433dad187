import type { findingCalls } from '../../../shared/api/findings';
import type { HandlersFor } from '../handler-types';
import { todayIso } from '../../tracking/periods';
import { registerOf } from '../../services/register';
import {
  addProgressUpdate,
  createLink,
  dashboardOf,
  decideLink,
  findingDetail,
  gradeHistoryOf,
  linkCandidates,
  sentFinding,
  suggestNewLinks,
  updateTracking,
} from '../../services/findings';

const now = () => new Date().toISOString();

export const findingHandlers: HandlersFor<typeof findingCalls> = {
  'findings.register': async ({ filter, sort, offset, limit }, { store }) => registerOf(store).page(filter, sort, offset, limit),
  'findings.registerReports': async (_input, { store }) => registerOf(store).reportsWithFindings(),
  'findings.registerChoices': async (_input, { store }) => registerOf(store).choices(),
  'findings.linkCandidates': async ({ id, q, limit }, { store }) => linkCandidates(store, id, q, limit),
  'findings.get': async ({ id }, { store }) => findingDetail(store, id),
  'findings.update': async ({ id, ...changes }, { store }) => sentFinding(store, await updateTracking(store, id, changes, now())),
  'findings.addProgress': async ({ id, text, on }, { store }) => sentFinding(store, await addProgressUpdate(store, id, text, now(), on)),
  'findings.dashboard': async (_input, { store }) => dashboardOf(store, todayIso()),
  'links.suggest': async (_input, { store }) => suggestNewLinks(store, now()),
  'links.decide': async ({ id, decision }, { store }) => decideLink(store, id, decision, now()),
  'links.create': async ({ earlierId, laterId }, { store }) => createLink(store, earlierId, laterId, now()),
  'grades.history': async (_input, { store }) => gradeHistoryOf(store),
};
