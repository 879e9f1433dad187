import type { reviewCalls } from '../../../shared/api/review';
import { AppError } from '../../../shared/api/result';
import type { HandlersFor } from '../handler-types';
import type { Store } from '../../store/repository';
import type { ReportDoc } from '../../store/schema';
import {
  addFinding,
  addJudgment,
  anchorFor,
  correctFinding,
  correctJudgment,
  correctMeta,
  markChecked,
  mergeFindings,
  removeFinding,
  removeJudgment,
  splitFinding,
} from '../../services/corrections';
import { importProgress } from '../../services/import-progress';
import { reextractReport } from '../../services/reextract-report';

const now = () => new Date().toISOString();

function requireReport(store: Store, id: string): ReportDoc {
  const doc = store.reportDoc(id);
  if (!doc) throw new AppError('not-found', `There is no report with id ${id}; it may have been deleted.`);
  return doc;
}

/** Links between findings name findings by id; a finding merged away or removed takes its links with it. */
async function dropLinksOf(store: Store, findingIds: string[]): Promise<void> {
  const gone = new Set(findingIds);
  if (!store.index.links.some((l) => gone.has(l.earlierId) || gone.has(l.laterId))) return;
  await store.updateIndex((draft) => {
    draft.links = draft.links.filter((l) => !gone.has(l.earlierId) && !gone.has(l.laterId));
  });
}

export const reviewHandlers: HandlersFor<typeof reviewCalls> = {
  'reports.updateMeta': async ({ id, changes }, { store }) => {
    if (changes.aboutReportId) requireReport(store, changes.aboutReportId);
    return store.updateReport(id, (draft) => {
      correctMeta(draft, changes, now());
      return draft.report;
    });
  },
  'reports.addJudgment': async ({ id, judgment }, { store }) =>
    store.updateReport(id, (draft) => {
      addJudgment(draft, judgment, now());
      return draft.report;
    }),
  'reports.updateJudgment': async ({ id, judgmentId, changes }, { store }) =>
    store.updateReport(id, (draft) => {
      correctJudgment(draft, judgmentId, changes, now());
      return draft.report;
    }),
  'reports.removeJudgment': async ({ id, judgmentId }, { store }) =>
    store.updateReport(id, (draft) => {
      removeJudgment(draft, judgmentId, now());
      return draft.report;
    }),
  'reports.markChecked': async ({ id, item }, { store }) => store.updateReport(id, (draft) => markChecked(draft, item, now())),
  'reports.updateFinding': async ({ id, findingId, changes }, { store }) =>
    store.updateReport(id, (draft) => correctFinding(draft, findingId, changes, now())),
  'reports.addFinding': async ({ id, finding }, { store }) => {
    const doc = requireReport(store, id);
    const anchor = finding.selection ? anchorFor(await store.readText(doc.report.sha256), finding.selection) : null;
    return store.updateReport(id, (draft) => addFinding(draft, finding, anchor, now()));
  },
  'reports.splitFinding': async ({ id, findingId, at }, { store }) =>
    store.updateReport(id, (draft) => splitFinding(draft, findingId, at, now())),
  'reports.mergeFindings': async ({ id, findingIds }, { store }) => {
    const merged = await store.updateReport(id, (draft) => mergeFindings(draft, findingIds, now()));
    await dropLinksOf(store, findingIds.filter((other) => other !== merged.id));
    return merged;
  },
  'reports.removeFinding': async ({ id, findingId }, { store }) => {
    requireReport(store, id);
    await store.updateReport(id, (draft) => removeFinding(draft, findingId, now()));
    await dropLinksOf(store, [findingId]);
    return { removed: true };
  },
  'reports.reextract': async ({ id }, { store }) => reextractReport(store, id),
  'reports.importProgress': async (_input, { store }) => importProgress(store),
};
