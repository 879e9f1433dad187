import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Caption1, Field, Input, makeStyles, Select, Subtitle2, tokens } from '@fluentui/react-components';
import { DeleteRegular, DocumentArrowDownRegular, EditRegular, DocumentTableRegular } from '@fluentui/react-icons';
import type { AnnotationListItem } from '../../../shared/api/annotations';
import { COLOURS, type Colour } from '../../../shared/domain/notes';
import { useAction } from '../../hooks/data';
import { useSaveFile } from '../../hooks/useSaveFile';
import { useVirtualList } from '../../hooks/useVirtualList';
import { HIGHLIGHT_COLOURS } from '../reader/highlight-styles';
import { useFocusReturn } from '../../hooks/useFocusReturn';
import { useUndoable } from '../undo/useUndoable';
import { AnnotationDialog } from './AnnotationDialog';
import { COLOUR_NAMES } from './colours';
import { isAnchored } from './useReportAnnotations';
import { TeamShareSwitch } from '../settings/TeamShareSwitch';

const useStyles = makeStyles({
  toolbar: { display: 'flex', alignItems: 'center', padding: `${tokens.spacingVerticalS} 0` },
  heading: { margin: 0, flexGrow: 1 },
  exports: { display: 'flex', gap: tokens.spacingHorizontalXS },
  filters: { display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalM },
  list: { listStyle: 'none', margin: 0, padding: 0, position: 'relative' },
  place: { position: 'absolute', top: 0, left: 0, width: '100%', paddingBottom: tokens.spacingVerticalS, boxSizing: 'border-box' },
  item: {
    borderLeft: '6px solid',
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  active: { outline: `2px solid ${tokens.colorBrandStroke1}` },
  go: {
    display: 'block',
    width: '100%',
    textAlign: 'left',
    background: 'none',
    border: 'none',
    padding: 0,
    font: 'inherit',
    color: tokens.colorNeutralForeground2,
    fontStyle: 'italic',
    cursor: 'pointer',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  note: { margin: `${tokens.spacingVerticalXS} 0`, whiteSpace: 'pre-wrap' },
  meta: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  grow: { flexGrow: 1 },
  field: { minWidth: 0 },
  select: { width: '100%', minWidth: 0, '& select': { minWidth: 0, width: '100%', textOverflow: 'ellipsis' } },
});

interface Props {
  reportId: string;
  items: AnnotationListItem[];
  text: string | undefined;
  activeId: string | null;
  /** Shows the annotation's passage in the source text. */
  onGo: (annotationId: string) => void;
}

const short = (quote: string) => (quote.length > 140 ? `${quote.slice(0, 137)}…` : quote);

/** The report's annotations: filter by words, tag or colour; edit; delete with undo. */
export function AnnotationsPanel({ reportId, items, text, activeId, onGo }: Props) {
  const styles = useStyles();
  const act = useAction();
  const saveFile = useSaveFile();
  const undoable = useUndoable();
  const [words, setWords] = useState('');
  const [tag, setTag] = useState('');
  const [colour, setColour] = useState<Colour | ''>('');
  const [editing, setEditing] = useState<AnnotationListItem | null>(null);
  const list = useRef<HTMLUListElement | null>(null);
  const heading = useRef<HTMLDivElement>(null);
  useFocusReturn(editing !== null, () => heading.current);

  const tags = useMemo(() => [...new Set(items.flatMap((a) => a.tags))].sort((a, b) => a.localeCompare(b)), [items]);
  const shown = useMemo(() => {
    const needles = words.toLowerCase().split(/\s+/).filter(Boolean);
    return items.filter((a) => {
      if (colour && a.colour !== colour) return false;
      if (tag && !a.tags.includes(tag)) return false;
      const hay = `${a.note}\n${a.anchor.quote}\n${a.tags.join(' ')}`.toLowerCase();
      return needles.every((w) => hay.includes(w));
    });
  }, [items, words, tag, colour]);

  // Only the annotations in view are drawn: a report annotated a thousand times reads as fast as one.
  const { setList, items: drawn, start, height, measure, scrollToIndex, focusProps } = useVirtualList({
    count: shown.length,
    estimateSize: 110,
    itemKey: (i) => shown[i]?.id ?? i,
  });
  const activeIndex = activeId ? shown.findIndex((a) => a.id === activeId) : -1;
  useEffect(() => {
    if (activeIndex >= 0) scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, scrollToIndex]);

  // Opened on an annotation (from search): its highlight may be drawn only after the list arrives.
  const shownInText = useRef<string | null>(null);
  useEffect(() => {
    if (!activeId || shownInText.current === activeId) return;
    const mark = document.querySelector(`mark[data-range-id="${CSS.escape(activeId)}"]`);
    if (!mark) return;
    shownInText.current = activeId;
    mark.scrollIntoView({ block: 'center' });
  }, [activeId, items, text]);

  const remove = async (a: AnnotationListItem) => {
    // Focus goes to the annotation that takes the deleted one's place (the one after it, or before it).
    const at = shown.findIndex((x) => x.id === a.id);
    const next = shown[at + 1] ?? shown[at - 1];
    const result = await act('annotations.delete', { id: a.id });
    if (!result.ok) return;
    window.setTimeout(() => {
      // Not a text field: there Ctrl+Z would be the field's own undo rather than "undo the delete".
      const target = next ? list.current?.querySelector<HTMLElement>(`#annotation-${CSS.escape(next.id)} button:not(:disabled)`) : null;
      (target ?? heading.current)?.focus();
    }, 0);
    const deleted = result.value;
    undoable({
      label: 'Annotation deleted',
      undo: async () => (await act('annotations.restore', { annotation: deleted }, 'Annotation restored')).ok,
      redo: async () => (await act('annotations.delete', { id: deleted.id }, 'Annotation deleted')).ok,
    });
  };

  return (
    <section aria-labelledby="annotations-heading">
      {/* Focusable from script only: where focus goes when the annotation it was on is gone. */}
      <div className={styles.toolbar} ref={heading} tabIndex={-1} aria-labelledby="annotations-heading" role="group">
        <Subtitle2 as="h2" id="annotations-heading" className={styles.heading}>
          Annotations ({items.length})
        </Subtitle2>
        {/* Every annotation of the report, whatever the filters below show: quote, page, note, tags, colour and date. */}
        <div className={styles.exports}>
          <Button
            size="small"
            icon={<DocumentArrowDownRegular />}
            disabled={items.length === 0}
            aria-label="Export the annotations as a Word document (.docx)"
            onClick={() => void saveFile('annotations.export', { reportId, format: 'docx' }, 'Annotations exported')}
          >
            .docx
          </Button>
          <Button
            size="small"
            icon={<DocumentTableRegular />}
            disabled={items.length === 0}
            aria-label="Export the annotations as a spreadsheet (.csv)"
            onClick={() => void saveFile('annotations.export', { reportId, format: 'csv' }, 'Annotations exported')}
          >
            .csv
          </Button>
        </div>
      </div>
      <div className={styles.filters}>
        <Field label="Find in annotations" className={styles.field}>
          <Input type="search" value={words} onChange={(_e, d) => setWords(d.value)} />
        </Field>
        <Field label="Tag" className={styles.field}>
          <Select className={styles.select} value={tag} onChange={(_e, d) => setTag(d.value)}>
            <option value="">Any tag</option>
            {tags.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </Select>
        </Field>
        <Field label="Colour" className={styles.field}>
          <Select className={styles.select} value={colour} onChange={(_e, d) => setColour(d.value as Colour | '')}>
            <option value="">Any colour</option>
            {COLOURS.map((c) => (
              <option key={c} value={c}>
                {COLOUR_NAMES[c]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {items.length === 0 && <Caption1>Select a passage in the source text and choose Annotate (Ctrl+Shift+A).</Caption1>}
      {items.length > 0 && shown.length === 0 && <Caption1>No annotation matches these filters.</Caption1>}
      <ul
        ref={(element) => {
          setList(element);
          list.current = element;
        }}
        className={styles.list}
        style={{ height }}
        aria-label="Annotations"
        data-testid="annotations-list"
        {...focusProps}
      >
        {drawn.map((item) => {
          const a = shown[item.index]!;
          const anchored = isAnchored(a, text);
          return (
            <li
              key={a.id}
              id={`annotation-${a.id}`}
              ref={measure}
              data-index={item.index}
              className={styles.place}
              style={{ transform: `translateY(${start(item)}px)` }}
            >
              <div className={`${styles.item} ${a.id === activeId ? styles.active : ''}`} style={{ borderLeftColor: HIGHLIGHT_COLOURS[a.colour] }}>
                <button type="button" className={styles.go} onClick={() => onGo(a.id)} disabled={!anchored}>
                  “{short(a.anchor.quote)}”{anchored ? '' : ' (passage no longer found in the text)'}
                </button>
                {a.note && <p className={styles.note}>{a.note}</p>}
                <div className={styles.meta}>
                  <Caption1 className={styles.grow}>
                    {COLOUR_NAMES[a.colour]}
                    {a.tags.length > 0 && ` · ${a.tags.join(', ')}`}
                  </Caption1>
                  <Button size="small" appearance="subtle" icon={<EditRegular />} onClick={() => setEditing(a)}>
                    Edit
                  </Button>
                  <Button size="small" appearance="subtle" icon={<DeleteRegular />} onClick={() => void remove(a)}>
                    Delete
                  </Button>
                  <TeamShareSwitch kind="annotation" id={a.id} shared={a.shared} />
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      {editing && (
        <AnnotationDialog
          title="Edit annotation"
          draft={{ quote: editing.anchor.quote, note: editing.note, tags: editing.tags, colour: editing.colour }}
          onClose={() => setEditing(null)}
          onSave={async (values) => (await act('annotations.update', { id: editing.id, ...values }, 'Annotation saved')).ok}
        />
      )}
    </section>
  );
}
