import type { syncCalls } from '../../../shared/api/sync';
import { AppError } from '../../../shared/api/result';
import type { HandlersFor } from '../handler-types';

export const syncHandlers: HandlersFor<typeof syncCalls> = {
  'sync.status': async (_input, { team }) => team.status(),
  'sync.preview': async (input, { team }) => team.preview(input),
  'sync.enable': async (input, { team }) => team.enable(input),
  'sync.password': async ({ password, remember }, { team }) => team.givePassword(password, remember),
  'sync.disable': async (_input, { team }) => team.disable(),
  'sync.now': async (_input, { team }) => team.syncNow(),
  'sync.sharedTags': async ({ tags }, { team }) => team.setSharedTags(tags),
  'sync.kept': async (_input, { team }) => team.kept(),
  'sync.dismiss': async ({ id }, { team }) => ({ dismissed: await team.dismiss(id) }),
  'sync.confirmFinding': async ({ id }, { team }) => team.confirmFinding(id),
  'sync.share': async ({ kind, id, shared }, { store }) => {
    if (kind === 'note') {
      const note = store.note(id);
      if (!note) throw new AppError('not-found', `There is no note with id ${id}.`);
      await store.putNote({ ...note, shared });
      return { shared };
    }
    const doc = store.allReportDocs().find((d) => d.annotations.some((a) => a.id === id));
    if (!doc) throw new AppError('not-found', `There is no annotation with id ${id}.`);
    await store.updateReport(doc.report.id, (draft) => {
      draft.annotations.find((a) => a.id === id)!.shared = shared;
    });
    return { shared };
  },
};
