import { forwardRef, useCallback, useEffect, useId, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { Button, Caption1, makeStyles, Subtitle2, ToggleButton, tokens, Tooltip } from '@fluentui/react-components';
import { DocumentPdfRegular, SearchRegular, TextAddRegular } from '@fluentui/react-icons';
import type { Report, ReportText } from '../../../shared/domain/report';
import { AnnotateButton } from '../annotations/AnnotateButton';
import { documentBlocks } from './document-model';
import { FindBar } from './FindBar';
import type { HighlightRange } from './highlights';
import { shownText } from './passages';
import { PdfPageView, type PdfPageHandle } from './PdfPageView';
import type { TextRange } from './selection';
import { SourceText, type KeyboardSelection, type SourceTextHandle } from './SourceText';
import { useAnnouncer } from './useAnnouncer';
import { useFind } from './useFind';
import { usePdfDocument } from './usePdfDocument';
import { useHasSelectionIn } from './useSourceSelection';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: 0,
    padding: `0 ${tokens.spacingHorizontalL}`,
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalS} 0` },
  heading: { margin: 0, flexGrow: 1 },
  hint: { color: tokens.colorNeutralForeground2, paddingBottom: tokens.spacingVerticalXS },
  body: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gridTemplateRows: 'minmax(0, 1fr)', gap: tokens.spacingHorizontalL, minHeight: 0, flexGrow: 1 },
  split: { gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1.15fr)' },
  text: { overflowY: 'auto', minHeight: 0, paddingRight: tokens.spacingHorizontalS, paddingLeft: '4px' },
  pages: { minHeight: 0, display: 'flex', flexDirection: 'column' },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

interface Props {
  report: Report;
  source: ReportText;
  /** Judgments, findings, quotes, annotations and any passage opened from search. */
  ranges: HighlightRange[];
  activeId: string | null;
  onActivate: (range: HighlightRange) => void;
  onAddFinding: (range: TextRange, words: string) => void;
  /** A passage to open the reader at (a search hit in the report's text), selected and in view. */
  passage?: TextRange;
  /** The page view is open beside the text and wants the room. */
  onWide?: (wide: boolean) => void;
}

/** A selection read out in full when it is a sentence or so; a longer one by its beginning and its end. */
const quote = (words: string) => {
  const flat = words.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 120)} … ${flat.slice(-50)}` : flat;
};
const wordCount = (words: string) => words.split(/\s+/).filter(Boolean).length;

export interface SourcePaneHandle {
  /**
   * A dialog about a selected passage has closed. Typing in it took the selection away; this gives it back
   * in the text: the passage selected again when nothing was made of it, the caret just after it when it
   * was, so the officer reads on from there.
   */
  afterDialog(range: TextRange, saved: boolean): void;
}

/**
 * The source half of the reader: the document as text, beside it for a PDF the page as published, find
 * (Ctrl+F), and the actions on a selected passage (add a finding, annotate), all from the keyboard too.
 */
export const SourcePane = forwardRef<SourcePaneHandle, Props>(function SourcePane({ report, source, ranges, activeId, onActivate, onAddFinding, passage, onWide }, ref) {
  const styles = useStyles();
  const headingId = useId();
  const hintId = useId();
  const section = useRef<HTMLElement>(null);
  const textView = useRef<SourceTextHandle>(null);
  const pageView = useRef<PdfPageHandle>(null);
  const { text } = source;
  const pagesKey = JSON.stringify(source.pages);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the pages change only when their numbers do
  const pages = useMemo(() => source.pages, [pagesKey]);
  const blocks = useMemo(() => documentBlocks(text, pages), [text, pages]);
  const hasSelection = useHasSelectionIn(section);
  const [said, announce] = useAnnouncer();
  const focusText = useCallback(() => textView.current?.focus(), []);
  const findInput = useRef<HTMLInputElement>(null);
  const find = useFind(text, blocks, findInput, focusText);
  const isPdf = report.format === 'pdf' && pages.length > 0;
  const [showPages, setShowPages] = useState(false);
  const [page, setPage] = useState(1);
  const pdf = usePdfDocument(report.id, report.sha256, isPdf && showPages);

  const pageOf = useCallback((offset: number) => pages.find((p) => offset >= p.start && offset <= p.end)?.page ?? null, [pages]);
  const allRanges = useMemo(() => [...ranges, ...find.ranges], [ranges, find.ranges]);
  const getSelection = useCallback(() => textView.current?.selection() ?? pageView.current?.selection() ?? null, []);
  const quoteOf = useCallback((range: TextRange) => shownText(text, blocks, range), [text, blocks]);

  useEffect(() => onWide?.(showPages), [showPages, onWide]);

  // Find moves the text, and the page view, to the current match.
  const match = find.current >= 0 ? find.matches[find.current] : undefined;
  useEffect(() => {
    if (!match) return;
    textView.current?.reveal(match);
    const at = pageOf(match.start);
    if (at) setPage(at);
  }, [match, pageOf]);

  // Choosing a finding or annotation turns the page view to its page (once: the officer may turn away).
  const turnedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!activeId || turnedFor.current === activeId) return;
    const chosen = ranges.find((r) => r.id === activeId);
    const at = chosen ? pageOf(chosen.start) : null;
    if (!at) return;
    turnedFor.current = activeId;
    setPage(at);
  }, [activeId, ranges, pageOf]);

  // Opened at a passage: it is selected, in view, and the caret is there for the keyboard.
  const opened = useRef(false);
  useEffect(() => {
    if (!passage || opened.current) return;
    opened.current = true;
    textView.current?.focus();
    textView.current?.select(passage);
    const words = shownText(text, blocks, passage);
    announce(`Opened at “${quote(words)}”, selected.`);
  }, [passage, text, blocks, announce]);

  const onKeyboardSelect = useCallback(
    (range: TextRange, how: KeyboardSelection) => {
      const words = shownText(text, blocks, range);
      const what = how === 'sentence' ? 'Sentence selected' : how === 'paragraph' ? 'Paragraph selected' : how === 'all' ? 'The whole text selected' : 'Selected';
      announce(`${what}: “${quote(words)}”, ${wordCount(words)} words. Ctrl+Shift+A annotates it.`, how === 'keys' ? 400 : 0);
    },
    [text, blocks, announce],
  );
  const onCaretWords = useCallback((words: string) => announce(words, 120), [announce]);

  /** As in a browser, closing find leaves the current match selected, ready to annotate or to read on from. */
  const closeFind = () => {
    const at = match;
    find.close();
    // After the find marks are gone from the page (their text nodes go with them) and focus is back.
    if (at) window.setTimeout(() => textView.current?.select(at), 0);
  };

  const afterDialog = useCallback((range: TextRange, saved: boolean) => {
    window.setTimeout(() => textView.current?.select(saved ? { start: range.end, end: range.end } : range), 0);
  }, []);
  useImperativeHandle(ref, () => ({ afterDialog }), [afterDialog]);

  const addFinding = () => {
    const range = getSelection();
    if (range) onAddFinding(range, shownText(text, blocks, range));
  };

  return (
    <section className={styles.root} ref={section} aria-labelledby={headingId}>
      <div className={styles.toolbar}>
        <Subtitle2 as="h2" id={headingId} className={styles.heading}>
          Source text
        </Subtitle2>
        <Tooltip content="Find in the report (Ctrl+F)" relationship="description">
          <Button size="small" icon={<SearchRegular />} onClick={find.show}>
            Find
          </Button>
        </Tooltip>
        {isPdf && (
          <ToggleButton size="small" icon={<DocumentPdfRegular />} checked={showPages} onClick={() => setShowPages((v) => !v)}>
            Page view
          </ToggleButton>
        )}
        <Button size="small" icon={<TextAddRegular />} disabled={!hasSelection} onClick={addFinding}>
          Add finding from selection
        </Button>
        <AnnotateButton
          reportId={report.id}
          hasSelection={hasSelection}
          getSelection={getSelection}
          quoteOf={quoteOf}
          onClosed={afterDialog}
          fallbackFocus={() => section.current?.querySelector<HTMLElement>('[data-testid="source-text"]')} />
      </div>
      {find.open && (
        <FindBar ref={findInput} query={find.query} onQuery={find.setQuery} current={find.current} total={find.matches.length} onStep={find.step} onClose={closeFind} />
      )}
      <Caption1 id={hintId} className={styles.hint}>
        In the text: arrow keys move, Shift+arrows select, Alt+S the sentence, Alt+P the paragraph; Ctrl+Shift+A annotates.
      </Caption1>
      <div className={`${styles.body} ${showPages && isPdf ? styles.split : ''}`}>
        <div className={styles.text}>
          <SourceText
            ref={textView}
            text={text}
            blocks={blocks}
            ranges={allRanges}
            activeId={activeId}
            onActivate={onActivate}
            onKeyboardSelect={onKeyboardSelect}
            onCaretWords={onCaretWords}
            labelledBy={headingId}
            describedBy={hintId}
          />
        </div>
        {showPages && isPdf && (
          <div className={styles.pages} role="region" aria-label="The PDF as published">
            {pdf.error && <p role="alert">{pdf.error}</p>}
            {!pdf.doc && !pdf.error && <Caption1>Opening the PDF…</Caption1>}
            {pdf.doc && (
              <PdfPageView ref={pageView} doc={pdf.doc} text={text} pages={pages} page={page} onPage={setPage} ranges={allRanges} activeId={activeId} onActivate={onActivate} />
            )}
          </div>
        )}
      </div>
      <div role="status" aria-live="polite" className={styles.hidden} data-testid="reader-announcement">
        {said}
      </div>
    </section>
  );
});
