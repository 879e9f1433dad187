import { useCallback, useState } from 'react';
import type { ImportOutcome } from '../../../shared/api/reports';
import { fileToBase64 } from '../../api/files';
import { MAX_IMPORT_BYTES } from '../../../shared/api/files';
import { useAction, useErrorToast } from '../../hooks/data';

export interface ImportState {
  busy: boolean;
  /** The file being read, for the progress indicator. */
  current: string | null;
  last: ImportOutcome[];
}

/** Imports files picked or dropped by the officer, one after another, reporting each outcome. */
export function useImport() {
  const act = useAction();
  const showError = useErrorToast();
  const [state, setState] = useState<ImportState>({ busy: false, current: null, last: [] });
  const importFiles = useCallback(
    async (files: readonly File[]) => {
      const outcomes: ImportOutcome[] = [];
      setState({ busy: true, current: null, last: [] });
      for (const file of files) {
        if (file.size > MAX_IMPORT_BYTES) {
          // Refused before reading: a file this size would be read into memory only to be turned away.
          showError(`${file.name} is ${Math.round(file.size / 1048576)} MB; files over ${MAX_IMPORT_BYTES / 1048576} MB cannot be imported.`);
          continue;
        }
        setState((s) => ({ ...s, current: file.name }));
        const result = await act('reports.import', { fileName: file.name, dataBase64: await fileToBase64(file) }, (outcome) =>
          outcome.duplicate ? `${file.name} was imported before` : `Imported ${file.name}: ${outcome.summary ?? 'done'}`,
        );
        if (result.ok) outcomes.push(result.value);
      }
      setState({ busy: false, current: null, last: outcomes });
      return outcomes;
    },
    [act, showError],
  );
  const importSamples = useCallback(async () => {
    setState({ busy: true, current: 'the sample documents', last: [] });
    const result = await act('reports.importSamples', {}, 'Sample documents loaded');
    setState({ busy: false, current: null, last: result.ok ? result.value : [] });
  }, [act]);
  return { ...state, importFiles, importSamples };
}

export const ACCEPTED_TYPES = '.pdf,.html,.htm,.docx,.md,.markdown,.txt,text/plain,text/html,application/pdf';
