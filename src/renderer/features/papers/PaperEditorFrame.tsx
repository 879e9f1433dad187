import { useState, type ReactNode } from 'react';
import { Button, Field, Input, makeStyles, Spinner, Text, Title2, Title3, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular, DocumentArrowDownRegular } from '@fluentui/react-icons';
import { useQuery } from '../../hooks/data';
import { BritishDateInput } from '../../components/BritishDateInput';
import type { PaperModel } from '../../../shared/domain/paper-model';
import { PaperPreview } from './PaperPreview';
import { PaperSaveState } from './PaperSaveState';
import { PaperSections } from './PaperSections';
import type { usePaperDraft } from './usePaperDraft';

const useStyles = makeStyles({
  top: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM, flexWrap: 'wrap' },
  title: { flexGrow: 1, margin: 0, minWidth: '240px' },
  columns: { display: 'grid', gridTemplateColumns: 'minmax(360px, 1fr) minmax(420px, 1fr)', gap: tokens.spacingHorizontalXXL, alignItems: 'start' },
  fields: { display: 'grid', gap: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalL },
  twoFields: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 180px', gap: tokens.spacingHorizontalM },
  preview: { position: 'sticky', top: 0 },
  previewHeading: { margin: `0 0 ${tokens.spacingVerticalS}` },
});

/**
 * What a board paper and a progress paper are edited in: the way back, the title, whether the edits are
 * saved and the export; the paper's title and date, its own fields (`children`), and its paragraphs beside a
 * live preview of the whole paper. Edits save themselves.
 */
export function PaperEditorFrame({
  heading,
  error,
  model,
  paper,
  intro,
  defaultTitle,
  titleHint,
  onClose,
  onExport,
  children,
}: {
  /** What the paper is ("Board paper"), shown while it cannot be opened. */
  heading: string;
  /** What the paper is made from, in a sentence. */
  intro: ReactNode;
  /** The title the paper has while the officer gives it none, and where it comes from. */
  defaultTitle: string | undefined;
  titleHint: string;
  error: string | null | undefined;
  /** The paper as it reads now; null while it is being opened. */
  model: PaperModel | null;
  paper: ReturnType<typeof usePaperDraft>;
  onClose: () => void;
  /** Saves the .docx, once every edit is saved. */
  onExport: () => Promise<unknown>;
  children: ReactNode;
}) {
  const styles = useStyles();
  const settings = useQuery('settings.get', {});
  const [exporting, setExporting] = useState(false);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const { draft, state, setTitle, setDate, setParagraph, revertParagraph, overrideParagraph, flush } = paper;

  if (error) {
    return (
      <div>
        <Button icon={<ArrowLeftRegular />} onClick={onClose}>
          All papers
        </Button>
        <Title2 as="h1">{heading}</Title2>
        <p role="alert">{error}</p>
      </div>
    );
  }
  if (!model || !draft) return <Spinner label="Opening the paper…" />;

  return (
    <div>
      <div className={styles.top}>
        <Button icon={<ArrowLeftRegular />} onClick={onClose}>
          All papers
        </Button>
        <Title2 as="h1" className={styles.title}>
          {model.title}
        </Title2>
        <PaperSaveState state={state} />
        <Button
          appearance="primary"
          icon={<DocumentArrowDownRegular />}
          disabled={exporting}
          onClick={async () => {
            setExporting(true);
            await flush();
            await onExport();
            setExporting(false);
          }}
        >
          Export .docx
        </Button>
      </div>
      <div className={styles.columns}>
        <div>
          <div className={styles.fields}>
            <Text>{intro}</Text>
            <div className={styles.twoFields}>
              <Field label="Title" hint={titleHint}>
                <Input value={draft.title} placeholder={defaultTitle} onChange={(_e, d) => setTitle(d.value)} />
              </Field>
              <Field label="Date of the paper">
                <BritishDateInput value={draft.date} onChange={(date) => date && setDate(date)} />
              </Field>
            </div>
            {children}
          </div>
          <PaperSections
            model={model}
            draft={draft}
            setParagraph={setParagraph}
            revertParagraph={revertParagraph}
            overrideParagraph={overrideParagraph}
            onFocusKey={setFocusKey}
          />
        </div>
        <section className={styles.preview} aria-labelledby="paper-preview-heading">
          <Title3 as="h2" id="paper-preview-heading" className={styles.previewHeading}>
            Preview
          </Title3>
          <PaperPreview model={model} logo={settings.data?.includeLogo !== false} focusKey={focusKey} />
        </section>
      </div>
    </div>
  );
}
