import type { requestCalls } from '../../../shared/api/requests';
import type { HandlersFor } from '../handler-types';
import { todayIso } from '../../tracking/periods';
import { applyReturns, createUpdateRequest, previewReturns } from '../../services/update-requests';

const files = (list: Array<{ fileName: string; dataBase64: string }>) => list.map((f) => ({ fileName: f.fileName, bytes: Buffer.from(f.dataBase64, 'base64') }));

export const requestHandlers: HandlersFor<typeof requestCalls> = {
  'requests.create': async (input, { store, saveFile }) => {
    const made = await createUpdateRequest(store, input, new Date(), todayIso());
    return saveFile(made.fileName, made.mimeType, made.bytes);
  },
  'requests.preview': async ({ files: returned }, { store }) => previewReturns(store, files(returned), todayIso()),
  'requests.apply': async ({ files: returned, accept }, { store }) => applyReturns(store, files(returned), accept, new Date(), todayIso()),
};
