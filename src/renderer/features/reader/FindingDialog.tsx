import { useRef, useState } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { FINDING_KINDS, type FindingKind } from '../../../shared/domain/extraction';
import type { FindingChanges } from '../../../shared/api/review';
import { FINDING_KIND_LABELS } from '../../finding-labels';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  spacer: { flexGrow: 1 },
});

export interface FindingDraft {
  kind: FindingKind;
  text: string;
  pillar: string | null;
  question: string | null;
  leadIn: string | null;
  carriedOver: boolean;
}

const orNull = (value: string) => (value.trim() ? value.trim() : null);

/**
 * Edits a finding's extracted fields, or a new finding (`adding`). Splitting works on the saved text:
 * put the cursor where the second finding should begin.
 */
export function FindingDialog({ initial, adding, onSave, onSplit, onClose }: {
  initial: FindingDraft;
  adding: boolean;
  onSave: (changes: Required<FindingChanges>) => void;
  onSplit?: (at: number) => void;
  onClose: () => void;
}) {
  const styles = useStyles();
  const [draft, setDraft] = useState<FindingDraft>(() => ({
    kind: initial.kind,
    text: initial.text,
    pillar: initial.pillar,
    question: initial.question,
    leadIn: initial.leadIn,
    carriedOver: initial.carriedOver,
  }));
  const [cursor, setCursor] = useState(0);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const set = <K extends keyof FindingDraft>(key: K, value: FindingDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const unsaved = draft.text !== initial.text;
  const trackCursor = () => setCursor(textArea.current?.selectionStart ?? 0);
  const canSplit = !unsaved && cursor > 0 && initial.text.slice(0, cursor).trim() !== '' && initial.text.slice(cursor).trim() !== '';
  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!draft.text.trim()) return;
            onSave({ ...draft, text: draft.text.trim(), pillar: orNull(draft.pillar ?? ''), question: orNull(draft.question ?? ''), leadIn: orNull(draft.leadIn ?? '') });
          }}
        >
          <DialogBody>
            <DialogTitle>{adding ? 'Add a finding' : 'Correct the finding'}</DialogTitle>
            <DialogContent className={styles.form}>
              <Field label="Kind">
                <Select value={draft.kind} onChange={(_e, d) => set('kind', d.value as FindingKind)}>
                  {FINDING_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {FINDING_KIND_LABELS[k]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field
                label="Text"
                required
                hint={onSplit ? (unsaved ? 'Save your changes before splitting.' : 'To split, put the cursor where the second finding begins.') : undefined}
              >
                <Textarea
                  ref={textArea}
                  value={draft.text}
                  resize="vertical"
                  rows={6}
                  onChange={(_e, d) => set('text', d.value)}
                  onSelect={trackCursor}
                  onKeyUp={trackCursor}
                  onClick={trackCursor}
                />
              </Field>
              <Field label="Lead-in" hint="A recommendation's introduction, e.g. “The force should:”">
                <Input value={draft.leadIn ?? ''} onChange={(_e, d) => set('leadIn', d.value)} />
              </Field>
              <Field label="Pillar">
                <Input value={draft.pillar ?? ''} onChange={(_e, d) => set('pillar', d.value)} />
              </Field>
              <Field label="Question or component">
                <Input value={draft.question ?? ''} onChange={(_e, d) => set('question', d.value)} />
              </Field>
              <Checkbox checked={draft.carriedOver} onChange={(_e, d) => set('carriedOver', d.checked === true)} label="Carried over from an earlier inspection" />
            </DialogContent>
            <DialogActions fluid>
              {onSplit && (
                <Button disabled={!canSplit} onClick={() => onSplit(cursor)}>
                  Split at cursor
                </Button>
              )}
              <span className={styles.spacer} />
              <Button appearance="primary" type="submit" disabled={!draft.text.trim()}>
                {adding ? 'Add finding' : 'Save'}
              </Button>
              <Button onClick={onClose}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
