import { useState } from 'react';
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
  makeStyles,
  Select,
  tokens,
} from '@fluentui/react-components';
import { GRADES, type Grade } from '../../../shared/domain/grades';
import type { JudgmentFields } from '../../../shared/api/review';
import type { Judgment } from '../../../shared/domain/report';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  spacer: { flexGrow: 1 },
});

const orNull = (value: string) => (value.trim() ? value.trim() : null);

/** Edits one judgment (or a new one when `judgment` is null). */
export function JudgmentDialog({ judgment, onSave, onRemove, onClose }: {
  judgment: Judgment | null;
  onSave: (fields: JudgmentFields) => void;
  onRemove?: () => void;
  onClose: () => void;
}) {
  const styles = useStyles();
  const [pillar, setPillar] = useState(judgment?.pillar ?? '');
  const [question, setQuestion] = useState(judgment?.question ?? '');
  const [grade, setGrade] = useState<string>(judgment?.grade ?? '');
  const [lastInspected, setLastInspected] = useState(judgment?.lastInspected ?? '');
  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onSave({ pillar: orNull(pillar), question: orNull(question), grade: (grade || null) as Grade | null, lastInspected: orNull(lastInspected) });
          }}
        >
          <DialogBody>
            <DialogTitle>{judgment ? 'Correct the judgment' : 'Add a judgment'}</DialogTitle>
            <DialogContent className={styles.form}>
              <Field label="Pillar" hint="e.g. Legitimacy; leave empty for the report's overall grade">
                <Input value={pillar} onChange={(_e, d) => setPillar(d.value)} />
              </Field>
              <Field label="Question or component" hint="Leave empty for the pillar's overall grade">
                <Input value={question} onChange={(_e, d) => setQuestion(d.value)} />
              </Field>
              <Field label="Grade">
                <Select value={grade} onChange={(_e, d) => setGrade(d.value)}>
                  <option value="">Not graded</option>
                  {GRADES.map((g) => (
                    <option key={g} value={g}>
                      {g}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Year last inspected" hint="Where the report carries a judgment over from an earlier year">
                <Input value={lastInspected} onChange={(_e, d) => setLastInspected(d.value)} />
              </Field>
            </DialogContent>
            <DialogActions fluid>
              {onRemove && (
                <Button appearance="secondary" onClick={onRemove}>
                  Remove judgment…
                </Button>
              )}
              <span className={styles.spacer} />
              <Button appearance="primary" type="submit">
                Save
              </Button>
              <Button onClick={onClose}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
