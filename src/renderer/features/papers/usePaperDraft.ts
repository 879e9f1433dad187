import { useCallback, useEffect, useRef, useState } from 'react';
import { useAction } from '../../hooks/data';
import type { QuoteChoice } from '../../../shared/domain/paper';
import { draftOf, type EditablePaper, type PaperDraft } from './paper-draft';

/** The publication paper (`papers.update`) or the progress paper (`progressPapers.update`, which has no quote). */
export type PaperKind = 'publication' | 'progress';

/** Long enough to save once per pause in typing, short enough that a closed window loses nothing. */
const AUTOSAVE_DELAY_MS = 500;

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed';

type Pending = { title?: string; date?: string; agendaItem?: string; quote?: QuoteChoice; paragraphs: Record<string, string | null> };

const isEmpty = (p: Pending) =>
  p.title === undefined && p.date === undefined && p.agendaItem === undefined && p.quote === undefined && Object.keys(p.paragraphs).length === 0;

/**
 * The editor's copy of a paper. Edits show at once and are saved after a pause; a re-read from main never
 * overwrites what the officer is typing, and leaving the editor saves what is still waiting.
 */
export function usePaperDraft(id: string, detail: EditablePaper | undefined, kind: PaperKind = 'publication') {
  const act = useAction();
  const [draft, setDraft] = useState<PaperDraft | null>(null);
  const [state, setState] = useState<SaveState>('saved');
  const pending = useRef<Pending>({ paragraphs: {} });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const loadedId = useRef<string | null>(null);

  useEffect(() => {
    if (detail && detail.paper.id === id && loadedId.current !== id) {
      loadedId.current = id;
      setDraft(draftOf(detail));
    }
  }, [id, detail]);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const changes = pending.current;
    if (isEmpty(changes)) return;
    pending.current = { paragraphs: {} };
    setState('saving');
    const { quote, ...rest } = changes;
    const result = kind === 'progress' ? await act('progressPapers.update', { id, ...rest }) : await act('papers.update', { id, ...rest, quote });
    if (!result.ok) {
      // Keep what failed so the next edit (or leaving) tries again, newer edits on top.
      pending.current = { ...changes, ...pending.current, paragraphs: { ...changes.paragraphs, ...pending.current.paragraphs } };
      setState('failed');
      return;
    }
    setState(isEmpty(pending.current) ? 'saved' : 'unsaved');
  }, [act, id, kind]);

  const schedule = useCallback(
    (change: (p: Pending) => void) => {
      change(pending.current);
      setState('unsaved');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  useEffect(() => () => void flush(), [flush]);

  const setTitle = (title: string) => {
    setDraft((d) => (d ? { ...d, title } : d));
    schedule((p) => (p.title = title));
  };
  const setDate = (date: string) => {
    setDraft((d) => (d ? { ...d, date } : d));
    if (/^\d{4}-\d{2}-\d{2}$/.test(date)) schedule((p) => (p.date = date));
  };
  const setParagraph = (key: string, text: string) => {
    setDraft((d) => (d ? { ...d, paragraphs: { ...d.paragraphs, [key]: text } } : d));
    schedule((p) => (p.paragraphs[key] = text));
  };
  /** Back to the derived (or default) wording; a derived paragraph stops being edited at all. */
  const revertParagraph = (key: string, defaultText: string, editable: boolean) => {
    setDraft((d) => {
      if (!d) return d;
      const paragraphs = { ...d.paragraphs };
      if (editable) paragraphs[key] = defaultText;
      else delete paragraphs[key];
      return { ...d, paragraphs };
    });
    schedule((p) => (p.paragraphs[key] = null));
  };
  /** Starts overriding a derived paragraph from its derived text; nothing is stored until it differs. */
  const overrideParagraph = (key: string, defaultText: string) => {
    setDraft((d) => (d ? { ...d, paragraphs: { ...d.paragraphs, [key]: defaultText } } : d));
  };
  const setAgendaItem = (agendaItem: string) => {
    setDraft((d) => (d ? { ...d, agendaItem } : d));
    schedule((p) => (p.agendaItem = agendaItem.trim()));
  };
  const setQuote = (quote: QuoteChoice) => {
    setDraft((d) => (d ? { ...d, quote } : d));
    schedule((p) => (p.quote = quote));
  };

  return { draft, state, setTitle, setDate, setAgendaItem, setQuote, setParagraph, revertParagraph, overrideParagraph, flush };
}
