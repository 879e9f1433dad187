import { useEffect, useRef, useState } from 'react';
import { Button, Caption1, Field, Input, Link, makeStyles, Textarea, ToggleButton, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import type { ReportSummary } from '../../../shared/api/reports';
import type { Note } from '../../../shared/domain/notes';
import { useNavigate } from '../../navigation';
import { formatDateTime } from '../../format';
import { parseTags } from '../annotations/colours';
import { QUICK_TAGS } from './quick-tags';
import { useNoteAutosave, type SaveState } from './useNoteAutosave';
import { NoteLinks, type NoteLink } from './NoteLinks';
import { useReportLabels } from '../reports/useReportLabels';
import { TeamShareSwitch } from '../settings/TeamShareSwitch';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  when: { fontWeight: tokens.fontWeightSemibold },
  grow: { flexGrow: 1 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  tags: { flex: '1 1 16em', minWidth: 0 },
  state: { color: tokens.colorNeutralForeground2 },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

const STATE_LABELS: Record<SaveState, string> = { saved: 'Saved', pending: 'Saving soon…', saving: 'Saving…', failed: 'Not saved' };

interface Props {
  note: Note;
  reports: ReportSummary[];
  autoFocus?: boolean;
  /** Called after the latest edits are saved, to delete the note. */
  onDelete?: (note: Note) => void;
  /** Told of every edit of the text or tags. */
  onEdit?: (text: string, tags: string[]) => void;
}

/** One fieldwork note, edited in place and saved as it is typed. */
export function NoteEditor({ note, reports, autoFocus, onDelete, onEdit }: Props) {
  const styles = useStyles();
  const navigate = useNavigate();
  const { update, flush, state, problem } = useNoteAutosave(note.id);
  const [text, setText] = useState(note.text);
  const [tags, setTags] = useState(note.tags.join(', '));
  const [link, setLink] = useState<NoteLink>({ reportId: note.reportId, question: note.question, findingId: note.findingId });
  const labels = useReportLabels();
  const area = useRef<HTMLTextAreaElement>(null);
  const when = formatDateTime(note.createdAt);
  const finding = link.findingId;

  useEffect(() => {
    if (!autoFocus) return;
    // After a dialog has put focus on its first control, so the cursor ends up in the text.
    const timer = setTimeout(() => area.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [autoFocus]);

  const setTagList = (list: string[]) => {
    setTags(list.join(', '));
    update({ tags: list });
    onEdit?.(text, list);
  };
  const current = parseTags(tags);
  const toggle = (tag: string) =>
    setTagList(current.some((t) => t.toLowerCase() === tag) ? current.filter((t) => t.toLowerCase() !== tag) : [...current, tag]);

  return (
    <div className={styles.root}>
      <div className={styles.head}>
        <Caption1 className={styles.when}>
          <time dateTime={note.createdAt}>{when}</time>
        </Caption1>
        {link.reportId && (
          <Link as="button" onClick={() => navigate({ page: 'report', id: link.reportId!, findingId: finding ?? undefined })}>
            {finding ? 'Open the linked finding' : 'Open the linked report'}
          </Link>
        )}
        <span className={styles.grow} />
        <Caption1 className={state === 'failed' ? styles.failed : styles.state} role="status" aria-live="polite">
          {state === 'failed' && problem ? `Not saved: ${problem}` : STATE_LABELS[state]}
        </Caption1>
        {onDelete && (
          <Button
            size="small"
            appearance="subtle"
            icon={<DeleteRegular />}
            aria-label={`Delete the note of ${when}`}
            onClick={async () => {
              await flush();
              onDelete({ ...note, text, tags: current, ...link });
            }}
          />
        )}
      </div>
      <Field label={`Note of ${when}`}>
        <Textarea
          ref={area}
          autoFocus={autoFocus}
          value={text}
          resize="vertical"
          rows={Math.min(12, Math.max(3, text.split('\n').length + 1))}
          onChange={(_e, d) => {
            setText(d.value);
            update({ text: d.value });
            onEdit?.(d.value, current);
          }}
          onBlur={() => void flush()}
        />
      </Field>
      <div className={styles.row} role="group" aria-label="Quick tags">
        {QUICK_TAGS.map((tag) => (
          <ToggleButton key={tag} size="small" shape="circular" checked={current.some((t) => t.toLowerCase() === tag)} onClick={() => toggle(tag)}>
            {tag}
          </ToggleButton>
        ))}
      </div>
      <div className={styles.row}>
        <Field label="Tags" hint="Separate tags with commas" className={styles.tags}>
          <Input
            value={tags}
            onChange={(_e, d) => {
              setTags(d.value);
              update({ tags: parseTags(d.value) });
              onEdit?.(text, parseTags(d.value));
            }}
            onBlur={() => void flush()}
          />
        </Field>
      </div>
      <NoteLinks
        value={link}
        reports={reports}
        labels={labels}
        onChange={(next) => {
          setLink(next);
          update(next);
          void flush();
        }}
      />
      <TeamShareSwitch kind="note" id={note.id} shared={note.shared} />
    </div>
  );
}
