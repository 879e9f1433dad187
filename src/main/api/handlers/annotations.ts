import type { annotationCalls } from '../../../shared/api/annotations';
import type { HandlersFor } from '../handler-types';
import { createAnnotation, deleteAnnotation, listAnnotations, restoreAnnotation, updateAnnotation } from '../../services/annotations';
import { exportAnnotations } from '../../services/annotations-export';

export const annotationHandlers: HandlersFor<typeof annotationCalls> = {
  'annotations.list': async (filter, { store }) => listAnnotations(store, filter),
  'annotations.create': async (input, { store }) => createAnnotation(store, input),
  'annotations.update': async (changes, { store }) => updateAnnotation(store, changes),
  'annotations.delete': async ({ id }, { store }) => deleteAnnotation(store, id),
  'annotations.restore': async ({ annotation }, { store }) => restoreAnnotation(store, annotation),
  'annotations.export': async ({ reportId, format }, { store, saveFile }) => {
    const made = await exportAnnotations(store, reportId, format);
    return saveFile(made.fileName, made.mimeType, made.bytes);
  },
};
