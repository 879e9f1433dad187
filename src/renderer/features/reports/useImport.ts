import { useCallback, useRef, useState } from 'react';
import type { ImportOutcome, SameReport, SameReportChoice } from '../../../shared/api/reports';
import { fileToBase64 } from '../../api/files';
import { MAX_IMPORT_BYTES } from '../../../shared/domain/import-limits';
import { useAction, useErrorToast } from '../../hooks/data';
import { useNotice } from './useNotice';

export interface ImportState {
  busy: boolean;
  /** The file being read, for the progress indicator. */
  current: string | null;
  last: ImportOutcome[];
}

/** A file that is another file of a report already held, waiting for the officer to say what to do. */
export interface SameReportQuestion {
  fileName: string;
  sameReport: SameReport;
}

/** What the officer chose: keep the report as it is, or one of the ways to store the file. */
export type SameReportAnswer = 'keep-existing' | Exclude<SameReportChoice, 'ask'>;

const DONE: Record<ImportOutcome['action'], (file: string, title: string, summary?: string) => string> = {
  imported: (file, _title, summary) => `Imported ${file}${summary ? `: ${summary}` : ''}`,
  duplicate: (file, title) => `${file} is already held, as “${title}”`,
  'same-report': (file, title) => `Kept “${title}” as it is; ${file} was not imported`,
  replaced: (file, title) => `“${title}” now reads from ${file}; tracking, annotations and corrections carried over`,
  'version-added': (file, title) => `${file} kept as another version of “${title}”`,
};

/**
 * Imports files picked or dropped by the officer, one after another, reporting each outcome. A file that is
 * another file of a report already held (the PDF of a report imported as text) waits for the officer's
 * choice: keep the existing report, replace its file, keep both as versions, or import it separately.
 */
export function useImport() {
  const act = useAction();
  const showError = useErrorToast();
  const notice = useNotice();
  const [state, setState] = useState<ImportState>({ busy: false, current: null, last: [] });
  const [asking, setAsking] = useState<SameReportQuestion | null>(null);
  const answerRef = useRef<((answer: SameReportAnswer) => void) | null>(null);

  const ask = useCallback(
    (question: SameReportQuestion) =>
      new Promise<SameReportAnswer>((resolve) => {
        answerRef.current = resolve;
        setAsking(question);
      }),
    [],
  );
  const answer = useCallback((choice: SameReportAnswer) => {
    setAsking(null);
    answerRef.current?.(choice);
    answerRef.current = null;
  }, []);

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
        const dataBase64 = await fileToBase64(file);
        let result = await act('reports.import', { fileName: file.name, dataBase64 });
        if (result.ok && result.value.action === 'same-report' && result.value.sameReport) {
          const choice = await ask({ fileName: file.name, sameReport: result.value.sameReport });
          if (choice !== 'keep-existing') {
            setState((s) => ({ ...s, current: file.name }));
            result = await act('reports.import', { fileName: file.name, dataBase64, onSameReport: choice });
          }
        }
        if (!result.ok) continue;
        outcomes.push(result.value);
        notice(DONE[result.value.action](file.name, result.value.title, result.value.summary));
      }
      setState({ busy: false, current: null, last: outcomes });
      return outcomes;
    },
    [act, ask, notice, showError],
  );
  const importSamples = useCallback(async () => {
    setState({ busy: true, current: 'the sample documents', last: [] });
    const result = await act('reports.importSamples', {}, 'Sample documents loaded');
    setState({ busy: false, current: null, last: result.ok ? result.value : [] });
  }, [act]);
  return { ...state, importFiles, importSamples, asking, answer };
}

export const ACCEPTED_TYPES = '.pdf,.html,.htm,.docx,.md,.markdown,.txt,text/plain,text/html,application/pdf';
