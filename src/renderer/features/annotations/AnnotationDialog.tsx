import { useId, useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Label,
  makeStyles,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import type { Colour } from '../../../shared/domain/notes';
import { ColourPicker } from './ColourPicker';
import { parseTags } from './colours';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  quote: {
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    color: tokens.colorNeutralForeground2,
    maxHeight: '8em',
    overflowY: 'auto',
  },
});

export interface AnnotationDraft {
  quote: string;
  note: string;
  tags: string[];
  colour: Colour;
}

interface Props {
  title: string;
  draft: AnnotationDraft;
  onSave: (values: { note: string; tags: string[]; colour: Colour }) => Promise<boolean>;
  onClose: () => void;
}

/** The note, tags and colour of an annotation, for a new one or an edit. */
export function AnnotationDialog({ title, draft, onSave, onClose }: Props) {
  const styles = useStyles();
  const colourLabel = useId();
  const [note, setNote] = useState(draft.note);
  const [tags, setTags] = useState(draft.tags.join(', '));
  const [colour, setColour] = useState<Colour>(draft.colour);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    const ok = await onSave({ note, tags: parseTags(tags), colour });
    setSaving(false);
    if (ok) onClose();
  };

  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.form}>
              <blockquote className={styles.quote} aria-label="Selected passage">
                {draft.quote}
              </blockquote>
              <Field label="Note">
                <Textarea
                  value={note}
                  onChange={(_e, d) => setNote(d.value)}
                  resize="vertical"
                  rows={4}
                  autoFocus
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
                  }}
                />
              </Field>
              <Field label="Tags" hint="Separate tags with commas, e.g. vetting, gold group">
                <Input value={tags} onChange={(_e, d) => setTags(d.value)} />
              </Field>
              <div>
                <Label id={colourLabel}>Colour</Label>
                <ColourPicker value={colour} onChange={setColour} labelId={colourLabel} />
              </div>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={saving}>
                {saving ? 'Saving…' : 'Save annotation'}
              </Button>
              <Button onClick={onClose}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
