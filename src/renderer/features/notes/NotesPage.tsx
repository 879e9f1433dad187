import { useEffect, useMemo, useState } from 'react';
import { Button, Caption1, Field, Input, makeStyles, Select, Title2, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import type { Note } from '../../../shared/domain/notes';
import { useAction, useQuery } from '../../hooks/data';
import { useVirtualList } from '../../hooks/useVirtualList';
import { useUndoable } from '../undo/useUndoable';
import { NoteEditor } from './NoteEditor';
import { QUICK_TAGS } from './quick-tags';
import { useReportLabels } from '../reports/useReportLabels';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM },
  title: { margin: 0, flexGrow: 1 },
  filters: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr) minmax(0, 2fr)',
    maxWidth: '80ch',
    marginTop: tokens.spacingVerticalM,
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
  },
  list: { listStyle: 'none', margin: 0, padding: 0, position: 'relative', maxWidth: '80ch' },
  item: { position: 'absolute', top: 0, left: 0, width: '100%', paddingBottom: tokens.spacingVerticalM, boxSizing: 'border-box' },
  card: {
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  field: { minWidth: 0 },
  select: { width: '100%', minWidth: 0, '& select': { minWidth: 0, width: '100%', textOverflow: 'ellipsis' } },
  focused: { outline: `2px solid ${tokens.colorBrandStroke1}` },
});

/** How many notes are shown at once; the filters narrow a longer list. */
const PAGE = 200;

/** Fieldwork notes, newest first, each edited in place and saved as it is typed. */
export function NotesPage({ noteId }: { noteId?: string }) {
  const styles = useStyles();
  const act = useAction();
  const undoable = useUndoable();
  const [text, setText] = useState('');
  const [tag, setTag] = useState('');
  const [reportId, setReportId] = useState('');
  const [focusId, setFocusId] = useState<string | null>(noteId ?? null);
  const notes = useQuery('notes.list', { text: text || undefined, tag: tag || undefined, reportId: reportId || undefined, limit: PAGE });
  const allTags = useQuery('notes.tags', {});
  const reports = useQuery('reports.list', {});
  const labels = useReportLabels();
  const tags = useMemo(() => [...new Set([...QUICK_TAGS, ...(allTags.data ?? [])])].sort((a, b) => a.localeCompare(b)), [allTags.data]);
  const list = useMemo(() => notes.data ?? [], [notes.data]);
  // Only the notes in view are drawn (each with its editor); the one being typed in stays drawn.
  const { setList, items, start, height, measure, scrollToIndex, focusProps } = useVirtualList({
    count: list.length,
    estimateSize: 260,
    itemKey: (i) => list[i]?.id ?? i,
  });

  const focusIndex = focusId ? list.findIndex((n) => n.id === focusId) : -1;
  useEffect(() => {
    if (focusIndex >= 0) scrollToIndex(focusIndex, { align: 'center' });
  }, [focusIndex, scrollToIndex]);

  const create = async () => {
    const result = await act('notes.create', { text: '', tags: [], reportId: reportId || null });
    if (result.ok) {
      setText('');
      setTag('');
      setFocusId(result.value.id);
    }
  };

  const remove = async (note: Note) => {
    const result = await act('notes.delete', { id: note.id });
    if (!result.ok) return;
    const deleted = result.value;
    undoable({
      label: 'Note deleted',
      undo: async () => (await act('notes.restore', { note: deleted }, 'Note restored')).ok,
      redo: async () => (await act('notes.delete', { id: deleted.id }, 'Note deleted')).ok,
    });
  };

  return (
    <section aria-labelledby="notes-title">
      <div className={styles.header}>
        <Title2 as="h1" id="notes-title" className={styles.title}>
          Notes
        </Title2>
        <Button appearance="primary" icon={<AddRegular />} onClick={() => void create()}>
          New note
        </Button>
      </div>
      <Caption1 block>Notes are saved as you type. Ctrl+Shift+N takes a quick note from anywhere in the app.</Caption1>
      <div className={styles.filters} role="search" aria-label="Filter notes">
        <Field label="Find in notes" className={styles.field}>
          <Input type="search" value={text} onChange={(_e, d) => setText(d.value)} />
        </Field>
        <Field label="Tag" className={styles.field}>
          <Select className={styles.select} value={tag} onChange={(_e, d) => setTag(d.value)}>
            <option value="">Any tag</option>
            {tags.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </Select>
        </Field>
        <Field label="Report" className={styles.field}>
          <Select className={styles.select} value={reportId} onChange={(_e, d) => setReportId(d.value)}>
            <option value="">Any report</option>
            {(reports.data ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {labels.get(r.id) ?? r.title}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {notes.error && <p role="alert">{notes.error}</p>}
      {notes.data && list.length === 0 && (
        <Caption1 block>{text || tag || reportId ? 'No note matches these filters.' : 'No notes yet. Choose New note, or press Ctrl+Shift+N.'}</Caption1>
      )}
      <ul ref={setList} className={styles.list} style={{ height }} aria-label="Notes, newest first" data-testid="notes-list" {...focusProps}>
        {items.map((item) => {
          const note = list[item.index]!;
          return (
            <li
              key={note.id}
              id={`note-${note.id}`}
              ref={measure}
              data-index={item.index}
              className={styles.item}
              style={{ transform: `translateY(${start(item)}px)` }}
            >
              <div className={`${styles.card} ${note.id === focusId ? styles.focused : ''}`}>
                <NoteEditor note={note} reports={reports.data ?? []} autoFocus={note.id === focusId} onDelete={(n) => void remove(n)} />
              </div>
            </li>
          );
        })}
      </ul>
      {list.length === PAGE && <Caption1 block>Showing the newest {PAGE} notes; use the filters to find older ones.</Caption1>}
    </section>
  );
}
