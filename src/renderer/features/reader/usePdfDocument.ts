import { useEffect, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { call } from '../../api/client';
import { openPdf } from './pdf-document';

export interface PdfState {
  doc: PDFDocumentProxy | null;
  error: string | null;
}

/**
 * The report's PDF as imported, opened once while the page view is shown. The file never changes for a
 * report (it is stored by its sha256), so it is read once rather than again after every save.
 */
export function usePdfDocument(reportId: string, sha256: string, enabled: boolean): PdfState {
  const [state, setState] = useState<PdfState>({ doc: null, error: null });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    let opened: PDFDocumentProxy | null = null;
    setState({ doc: null, error: null });
    void (async () => {
      const source = await call('reports.source', { id: reportId });
      if (!live) return;
      if (!source.ok) return setState({ doc: null, error: source.error.message });
      try {
        opened = await openPdf(source.value.dataBase64);
        if (live) setState({ doc: opened, error: null });
        else void opened.destroy();
      } catch (error) {
        if (live) setState({ doc: null, error: `The PDF could not be shown: ${(error as Error).message}` });
      }
    })();
    return () => {
      live = false;
      void opened?.destroy();
    };
  }, [reportId, sha256, enabled]);
  return state;
}
