import { Badge, Button, Field, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { ArrowUndoRegular } from '@fluentui/react-icons';
import type { PaperParagraph } from '../../../shared/domain/paper-model';
import { PaperListView, Runs } from './PaperRuns';

const useStyles = makeStyles({
  row: { display: 'grid', gridTemplateColumns: '40px 1fr', columnGap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalL },
  number: { fontWeight: tokens.fontWeightSemibold, paddingTop: tokens.spacingVerticalXXS },
  derived: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    '& p': { margin: `0 0 ${tokens.spacingVerticalXS}` },
    '& ol, & ul': { margin: 0 },
  },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, marginTop: tokens.spacingVerticalXS },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
});

/** One numbered paragraph: read-only when the report decides it, a text box with "Revert to default" when the officer writes it. */
export function ParagraphEditor({
  paragraph,
  text,
  onChange,
  onRevert,
  onFocus,
}: {
  paragraph: PaperParagraph;
  text: string | undefined;
  onChange: (text: string) => void;
  onRevert: () => void;
  onFocus: () => void;
}) {
  const styles = useStyles();
  if (!paragraph.editable || text === undefined) {
    return (
      <div className={styles.row} data-paragraph={paragraph.key}>
        <span className={styles.number}>{paragraph.key}</span>
        <div>
          <div className={styles.derived}>
            <p>
              <Runs runs={paragraph.runs} />
            </p>
            {paragraph.list && <PaperListView list={paragraph.list} />}
          </div>
          <div className={styles.hint}>Derived from the report{paragraph.origin === 'edited' ? ' (reworded)' : ''}</div>
        </div>
      </div>
    );
  }
  const isDefault = text.trim() === '' || text === paragraph.defaultText;
  return (
    <div className={styles.row} data-paragraph={paragraph.key}>
      <span className={styles.number} aria-hidden="true">
        {paragraph.key}
      </span>
      <div>
        <Field label={`Paragraph ${paragraph.key}`} hint="Use **bold** and *italic* for emphasis. Leave it empty for the default wording.">
          <Textarea value={text} onFocus={onFocus} resize="vertical" rows={Math.min(10, Math.max(3, Math.ceil(text.length / 80)))} onChange={(_e, d) => onChange(d.value)} />
        </Field>
        {paragraph.list && (
          <div className={styles.derived}>
            <PaperListView list={paragraph.list} />
          </div>
        )}
        <div className={styles.actions}>
          <Badge appearance="tint" color={isDefault ? 'informative' : 'warning'}>
            {isDefault ? 'Default wording' : 'Edited'}
          </Badge>
          <Button size="small" icon={<ArrowUndoRegular />} disabled={isDefault} onClick={onRevert} aria-label={`Revert paragraph ${paragraph.key} to default`}>
            Revert to default
          </Button>
        </div>
      </div>
    </div>
  );
}
