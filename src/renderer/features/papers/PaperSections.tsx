import { makeStyles, Title3, tokens } from '@fluentui/react-components';
import type { PaperModel } from '../../../shared/domain/paper-model';
import type { PaperDraft } from './paper-draft';
import { ParagraphEditor } from './ParagraphEditor';

const useStyles = makeStyles({ section: { margin: `${tokens.spacingVerticalL} 0 ${tokens.spacingVerticalS}` } });

interface Props {
  model: PaperModel;
  draft: PaperDraft;
  setParagraph: (key: string, text: string) => void;
  revertParagraph: (key: string, defaultText: string, editable: boolean) => void;
  overrideParagraph: (key: string, defaultText: string) => void;
  /** The paragraph being edited, so the preview beside keeps it in view. */
  onFocusKey: (key: string) => void;
}

/** A paper's numbered sections, each paragraph written by the officer or derived (and then open to overriding). */
export function PaperSections({ model, draft, setParagraph, revertParagraph, overrideParagraph, onFocusKey }: Props) {
  const styles = useStyles();
  return (
    <>
      {model.sections.map((section) => (
        <section key={section.number} aria-labelledby={`paper-section-${section.number}`}>
          <Title3 as="h2" id={`paper-section-${section.number}`} className={styles.section}>
            {section.number}. {section.heading}
          </Title3>
          {section.paragraphs.map((p) => (
            <ParagraphEditor
              key={p.key}
              paragraph={p}
              text={draft.paragraphs[p.key]}
              onChange={(text) => setParagraph(p.key, text)}
              onFocus={() => onFocusKey(p.key)}
              onRevert={() => revertParagraph(p.key, p.defaultText, p.editable)}
              onOverride={() => {
                overrideParagraph(p.key, p.defaultText);
                onFocusKey(p.key);
              }}
            />
          ))}
        </section>
      ))}
    </>
  );
}
