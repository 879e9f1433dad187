import { Badge, Button, Field, makeStyles, MessageBar, MessageBarBody, Textarea, tokens } from '@fluentui/react-components';
import { ArrowUndoRegular, EditRegular } from '@fluentui/react-icons';
import type { PaperParagraph } from '../../../shared/domain/paper-model';
import { PaperListView, Runs } from './PaperRuns';

const useStyles = makeStyles({
  row: { display: 'grid', gridTemplateColumns: '40px minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalL },
  number: { fontWeight: tokens.fontWeightSemibold, paddingTop: tokens.spacingVerticalXXS },
  derived: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    '& p': { margin: `0 0 ${tokens.spacingVerticalXS}` },
    '& ol, & ul': { margin: 0 },
  },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
  stale: { marginTop: tokens.spacingVerticalXS },
});

const HINT = 'Use **bold** and *italic*; a list item is a line starting “- ”, a list heading a line starting “## ”.';

/**
 * One numbered paragraph. One the officer writes (2.1, 4.3 …) is a text box; one the report decides is shown
 * as derived, and can be overridden ("Edit this paragraph"): it then says so, warns when the data under it
 * has changed since ("The grades changed after you edited 4.2."), and offers the derived text again.
 */
export function ParagraphEditor({
  paragraph,
  text,
  onChange,
  onRevert,
  onOverride,
  onFocus,
}: {
  paragraph: PaperParagraph;
  /** The officer's text; undefined for a derived paragraph that is not being overridden. */
  text: string | undefined;
  onChange: (text: string) => void;
  onRevert: () => void;
  onOverride: () => void;
  onFocus: () => void;
}) {
  const styles = useStyles();
  const key = paragraph.key;
  if (text === undefined) {
    return (
      <div className={styles.row} data-paragraph={key}>
        <span className={styles.number}>{key}</span>
        <div>
          <div className={styles.derived}>
            <p>
              <Runs runs={paragraph.runs} />
            </p>
            {paragraph.list && <PaperListView list={paragraph.list} />}
          </div>
          <div className={styles.actions}>
            <span className={styles.hint}>Derived from {paragraph.basis ?? 'the report'}</span>
            <Button size="small" appearance="subtle" icon={<EditRegular />} onClick={onOverride} aria-label={`Edit paragraph ${key} in your own words`}>
              Edit this paragraph
            </Button>
          </div>
        </div>
      </div>
    );
  }
  const isDefault = text.trim() === '' || text === paragraph.defaultText;
  const derived = !paragraph.editable;
  const lines = text.split('\n').length;
  return (
    <div className={styles.row} data-paragraph={key}>
      <span className={styles.number} aria-hidden="true">
        {key}
      </span>
      <div>
        <Field label={`Paragraph ${key}`} hint={derived ? HINT : `${HINT} Leave it empty for the default wording.`}>
          <Textarea
            value={text}
            // Just opened for overriding: the cursor goes where the officer is about to type.
            autoFocus={derived && text === paragraph.defaultText}
            onFocus={onFocus}
            resize="vertical"
            rows={Math.min(14, Math.max(3, lines + 1, Math.ceil(text.length / 80)))}
            onChange={(_e, d) => onChange(d.value)}
          />
        </Field>
        {paragraph.editable && paragraph.list && (
          <div className={styles.derived}>
            <PaperListView list={paragraph.list} />
          </div>
        )}
        {paragraph.stale && !isDefault && (
          <MessageBar intent="warning" className={styles.stale} data-testid={`stale-${key}`}>
            <MessageBarBody>{paragraph.stale} Check your wording, or use the derived text again.</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.actions}>
          <Badge appearance="tint" color={isDefault ? 'informative' : 'warning'}>
            {isDefault ? (derived ? 'Derived text' : 'Default wording') : derived ? 'Overridden' : 'Edited'}
          </Badge>
          <Button
            size="small"
            icon={<ArrowUndoRegular />}
            disabled={isDefault && !derived}
            onClick={onRevert}
            aria-label={derived ? `Use the derived text of paragraph ${key} again` : `Revert paragraph ${key} to default`}
          >
            {derived ? 'Use the derived text again' : 'Revert to default'}
          </Button>
        </div>
      </div>
    </div>
  );
}
