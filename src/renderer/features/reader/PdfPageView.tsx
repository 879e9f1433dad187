import { forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { Button, Caption1, makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular, ZoomInRegular, ZoomOutRegular, ZoomFitRegular } from '@fluentui/react-icons';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { PageRange } from '../../../shared/domain/anchor';
import type { HighlightRange } from './highlights';
import { FIND_COLOURS, HIGHLIGHT_COLOURS } from './highlight-styles';
import { alignPage, type LayerPoint, type PageAlignment } from './pdf-align';
import { pdfjs } from './pdf-document';
import type { TextRange } from './selection';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' },
  controls: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', paddingBottom: tokens.spacingVerticalXS },
  grow: { flexGrow: 1 },
  scroller: { overflow: 'auto', minHeight: 0, flexGrow: 1, backgroundColor: tokens.colorNeutralBackground3, padding: tokens.spacingHorizontalS },
  page: { position: 'relative', margin: '0 auto', boxShadow: tokens.shadow4, backgroundColor: '#ffffff' },
  canvas: { display: 'block' },
  highlights: { position: 'absolute', inset: 0, pointerEvents: 'none', mixBlendMode: 'multiply' },
  box: { position: 'absolute', borderRadius: '2px' },
  active: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '1px' },
  /** pdf.js's text layer: transparent text placed over the drawn text, so it can be selected. */
  textLayer: {
    position: 'absolute',
    inset: 0,
    overflow: 'clip',
    lineHeight: 1,
    textAlign: 'initial',
    transformOrigin: '0 0',
    zIndex: 1,
    '& span, & br': { color: 'transparent', position: 'absolute', whiteSpace: 'pre', cursor: 'text', transformOrigin: '0% 0%' },
    '& span.markedContent': { top: 0, height: 0 },
    '& ::selection': { backgroundColor: 'rgba(0, 90, 200, 0.3)' },
  },
  note: { color: tokens.colorNeutralForeground2, padding: `${tokens.spacingVerticalXS} 0` },
});

/** pdf.js measures text on a canvas it adds to the page's body; out of the layout, as pdf.js's own viewer styles it. */
const useGlobalStyles = makeStaticStyles({
  '.hiddenCanvasElement': { position: 'absolute', top: 0, left: 0, width: 0, height: 0, display: 'none' },
});

export interface PdfPageHandle {
  /** The passage selected on the page, as offsets of the stored text. */
  selection(): TextRange | null;
}

interface Props {
  doc: PDFDocumentProxy;
  text: string;
  pages: PageRange[];
  page: number;
  onPage: (page: number) => void;
  ranges: HighlightRange[];
  activeId: string | null;
  onActivate: (range: HighlightRange) => void;
}

interface Layer {
  page: number;
  alignment: PageAlignment | null;
  divs: HTMLElement[];
  index: Map<Element, number>;
  range: PageRange | null;
}

interface Box {
  key: string;
  id: string;
  kind: string;
  colour: string;
  active: boolean;
  left: number;
  top: number;
  width: number;
  height: number;
}

const isFind = (r: HighlightRange) => r.kind === 'find' || r.kind === 'find-current';
const ZOOMS = [0.75, 1, 1.25, 1.5, 2, 3];

/**
 * One page of the PDF as published, drawn by pdf.js, with the reader's highlights laid over the words
 * they cover and pdf.js's text layer on top so a passage can be selected on the page and annotated.
 */
export const PdfPageView = forwardRef<PdfPageHandle, Props>(function PdfPageView({ doc, text, pages, page, onPage, ranges, activeId, onActivate }, ref) {
  const styles = useStyles();
  useGlobalStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const pageBox = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const textLayer = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(1);
  const [width, setWidth] = useState(0);
  const [layer, setLayer] = useState<Layer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [boxes, setBoxes] = useState<Box[]>([]);
  const count = doc.numPages;

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (width <= 0) return;
    let live = true;
    let cancel = () => undefined as void;
    void (async () => {
      try {
        const lib = await pdfjs();
        const proxy = await doc.getPage(page);
        if (!live) return;
        const fit = width / proxy.getViewport({ scale: 1 }).width;
        const viewport = proxy.getViewport({ scale: fit * zoom });
        const ratio = window.devicePixelRatio || 1;
        const target = canvas.current;
        const box = pageBox.current;
        const layerDiv = textLayer.current;
        if (!target || !box || !layerDiv) return;
        target.width = Math.floor(viewport.width * ratio);
        target.height = Math.floor(viewport.height * ratio);
        target.style.width = `${Math.floor(viewport.width)}px`;
        target.style.height = `${Math.floor(viewport.height)}px`;
        box.style.width = `${Math.floor(viewport.width)}px`;
        box.style.height = `${Math.floor(viewport.height)}px`;
        box.style.setProperty('--scale-factor', String(viewport.scale));
        const context = target.getContext('2d');
        if (!context) return;
        const task = proxy.render({ canvasContext: context, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
        cancel = () => task.cancel();
        await task.promise;
        const content = await proxy.getTextContent();
        if (!live) return;
        layerDiv.replaceChildren();
        const drawn = new lib.TextLayer({ textContentSource: content, container: layerDiv, viewport });
        cancel = () => drawn.cancel();
        await drawn.render();
        if (!live) return;
        const items = content.items.flatMap((item) => ('str' in item ? [item.str] : []));
        const range = pages.find((p) => p.page === page) ?? null;
        const divs = drawn.textDivs;
        setLayer({ page, alignment: range ? alignPage(text, range, items) : null, divs, index: new Map(divs.map((d, i) => [d, i])), range });
        setError(null);
      } catch (e) {
        if (live && (e as Error).name !== 'RenderingCancelledException' && (e as Error).name !== 'AbortException') {
          setError(`Page ${page} could not be drawn: ${(e as Error).message}`);
        }
      }
    })();
    return () => {
      live = false;
      cancel();
    };
  }, [doc, page, zoom, width, text, pages]);

  const here = useMemo(() => (layer?.range ? ranges.filter((r) => r.start < layer.range!.end && r.end > layer.range!.start) : []), [layer, ranges]);

  useLayoutEffect(() => {
    const box = pageBox.current;
    if (!layer?.alignment || !box) return setBoxes([]);
    const origin = box.getBoundingClientRect();
    const next: Box[] = [];
    const sorted = [...here].sort((a, b) => Number(isFind(a)) - Number(isFind(b)) || b.end - b.start - (a.end - a.start));
    for (const r of sorted) {
      const colour = r.kind === 'find-current' ? FIND_COLOURS.current : r.kind === 'find' ? FIND_COLOURS.match : (HIGHLIGHT_COLOURS[r.colour ?? r.kind] ?? HIGHLIGHT_COLOURS.yellow!);
      for (const span of layer.alignment.spans(r)) {
        const node = layer.divs[span.item]?.firstChild;
        if (!node) continue;
        const dom = document.createRange();
        dom.setStart(node, Math.min(span.from, node.textContent?.length ?? 0));
        dom.setEnd(node, Math.min(span.to, node.textContent?.length ?? 0));
        [...dom.getClientRects()].forEach((rect, i) =>
          next.push({
            key: `${r.id}:${span.item}:${span.from}:${i}`,
            id: r.id,
            kind: r.kind,
            colour,
            active: r.id === activeId,
            left: rect.left - origin.left,
            top: rect.top - origin.top,
            width: rect.width,
            height: rect.height,
          }),
        );
      }
    }
    setBoxes(next);
  }, [layer, here, activeId]);

  // The active finding, annotation or find match is brought into view on its page.
  const focus = boxes.find((b) => b.kind === 'find-current') ?? boxes.find((b) => b.active);
  useEffect(() => {
    const element = scroller.current;
    if (!focus || !element) return;
    const top = focus.top + (pageBox.current?.offsetTop ?? 0);
    if (top < element.scrollTop || top + focus.height > element.scrollTop + element.clientHeight) element.scrollTop = Math.max(0, top - element.clientHeight / 3);
  }, [focus?.key, focus]);

  const layerPoint = (node: Node, offset: number): LayerPoint | null => {
    if (!layer) return null;
    const element = node instanceof Element ? node : node.parentElement;
    const div = element?.closest('span:not(.markedContent)');
    const item = div ? layer.index.get(div) : undefined;
    if (item !== undefined) return { item, char: node instanceof Element ? (offset === 0 ? 0 : (div?.textContent?.length ?? 0)) : offset };
    // A point between items: the first item after it.
    const point = document.createRange();
    point.setStart(node, offset);
    const next = layer.divs.findIndex((d) => point.comparePoint(d, 0) >= 0);
    return { item: next === -1 ? layer.divs.length : next, char: 0 };
  };

  useImperativeHandle(ref, () => ({
    selection() {
      const selection = window.getSelection();
      const layerDiv = textLayer.current;
      if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !layerDiv || !layer?.alignment) return null;
      const range = selection.getRangeAt(0);
      if (!layerDiv.contains(range.commonAncestorContainer)) return null;
      const start = layerPoint(range.startContainer, range.startOffset);
      const end = layerPoint(range.endContainer, range.endOffset);
      return start && end ? layer.alignment.storedRange(start, end) : null;
    },
  }));

  /** A click on a highlighted word chooses its finding or annotation, as in the text. */
  const onClick = (e: MouseEvent) => {
    if (!layer?.alignment || !window.getSelection()?.isCollapsed) return;
    const caret = document.caretRangeFromPoint?.(e.clientX, e.clientY);
    const point = caret ? layerPoint(caret.startContainer, caret.startOffset) : null;
    const at = point ? layer.alignment.storedRange(point, { item: point.item, char: point.char + 1 }) : null;
    if (!at) return;
    const hit = here.filter((r) => !isFind(r) && r.start <= at.start && r.end > at.start).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
    if (hit) onActivate(hit);
  };

  const poor = layer?.alignment && layer.alignment.matched < 0.5;
  return (
    <div className={styles.root}>
      <div className={styles.controls} role="toolbar" aria-label="Page view">
        <Button size="small" appearance="subtle" icon={<ChevronLeftRegular />} aria-label="Previous page" disabled={page <= 1} onClick={() => onPage(page - 1)} />
        <Caption1 aria-live="polite" data-testid="pdf-page-number">
          Page {page} of {count}
        </Caption1>
        <Button size="small" appearance="subtle" icon={<ChevronRightRegular />} aria-label="Next page" disabled={page >= count} onClick={() => onPage(page + 1)} />
        <span className={styles.grow} />
        <Button size="small" appearance="subtle" icon={<ZoomOutRegular />} aria-label="Zoom out" disabled={zoom <= ZOOMS[0]!} onClick={() => setZoom(ZOOMS[Math.max(0, ZOOMS.indexOf(zoom) - 1)] ?? 1)} />
        <Caption1>{Math.round(zoom * 100)} %</Caption1>
        <Button size="small" appearance="subtle" icon={<ZoomInRegular />} aria-label="Zoom in" disabled={zoom >= ZOOMS[ZOOMS.length - 1]!} onClick={() => setZoom(ZOOMS[Math.min(ZOOMS.length - 1, ZOOMS.indexOf(zoom) + 1)] ?? 1)} />
        <Button size="small" appearance="subtle" icon={<ZoomFitRegular />} aria-label="Fit the page to the width" disabled={zoom === 1} onClick={() => setZoom(1)} />
      </div>
      {error && <p role="alert">{error}</p>}
      {poor && (
        <Caption1 className={styles.note} role="note">
          The words on this page do not line up with the stored text, so highlights may be missing here.
        </Caption1>
      )}
      {/* Focusable so the page can be scrolled from the keyboard when zoomed in. */}
      <div className={styles.scroller} ref={scroller} data-testid="pdf-page-view" tabIndex={0} role="group" aria-label={`Page ${page} of the PDF`}>
        <div className={styles.page} ref={pageBox} data-page={page} onClick={onClick}>
          <canvas ref={canvas} className={styles.canvas} aria-hidden />
          <div className={styles.highlights} aria-hidden>
            {boxes.map((b) => (
              <div
                key={b.key}
                className={`${styles.box} ${b.active ? styles.active : ''}`}
                data-range-id={b.id}
                data-kind={b.kind}
                data-active={b.active || undefined}
                style={{ left: b.left, top: b.top, width: b.width, height: b.height, backgroundColor: b.colour }}
              />
            ))}
          </div>
          <div ref={textLayer} className={styles.textLayer} data-testid="pdf-text-layer" />
        </div>
      </div>
    </div>
  );
});
